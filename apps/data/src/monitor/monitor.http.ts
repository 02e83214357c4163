import { Controller, Get, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { concat, defer, interval, merge, Observable, switchMap, throttleTime } from 'rxjs';
import { Allow, Answers } from '@collab/service-kit';
import { FactsChanged } from '../facts/facts-changed';
import { LiveFigureReader } from './live-figures';
import { liveFiguresSchema, liveFiguresStreamSchema, type LiveFigures } from './monitor.answers';

/** How often the stream sends figures with nothing new (time alone moves throughput), and at most how often on new facts. */
const HEARTBEAT_MS = 5_000;
const AT_MOST_EVERY_MS = 250;

@ApiTags('data')
@ApiBearerAuth()
@Controller('api/v1/data/monitor')
// Live operations figures are for staff (the monitor page reads them with the staff member's token).
@Allow('staff')
export class MonitorHttp {
  constructor(private readonly figures: LiveFigureReader, private readonly changed: FactsChanged) {}

  /** The live figures now. */
  @Answers(liveFiguresSchema, { description: 'The live figures as of now.' })
  @Get('figures')
  now(): Promise<LiveFigures> {
    return this.figures.read();
  }

  /** The live figures as server-sent events: at once, on every change of the fact store (at most 4 a second), and every 5 s. */
  @Answers(liveFiguresStreamSchema, { mediaType: 'text/event-stream', description: 'A never-ending stream of `figures` events, each one LiveFigures as JSON.' })
  @Sse('stream')
  stream(): Observable<MessageEvent> {
    const read = () => defer(async (): Promise<MessageEvent> => ({ type: 'figures', data: await this.figures.read() }));
    const triggers = merge(this.changed.stream.pipe(throttleTime(AT_MOST_EVERY_MS, undefined, { leading: true, trailing: true })), interval(HEARTBEAT_MS));
    return concat(read(), triggers.pipe(switchMap(read)));
  }
}
