import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';

/** Tells in-process listeners (the live monitor) that new facts were stored, without their polling the store per event. */
@Injectable()
export class FactsChanged {
  private readonly changes = new Subject<string>();

  notify(source: string): void {
    this.changes.next(source);
  }

  get stream(): Observable<string> {
    return this.changes.asObservable();
  }
}
