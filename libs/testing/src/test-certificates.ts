import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * X.509 certificates made for one test run by the openssl CLI (node:crypto cannot sign them), in
 * a folder of their own: authorities, and certificates they sign with the extensions given
 * (`subjectAltName=URI:partner:p-1`). Valid two days from the machine's time: TLS checks that.
 */
export class TestCertificates {
  readonly dir = mkdtempSync(join(tmpdir(), 'test-certificates-'));

  file(name: string): string {
    return join(this.dir, name);
  }

  pem(name: string): Buffer {
    return readFileSync(this.file(name));
  }

  /** `<name>.pem` and `<name>.key`: a self-signed authority. */
  authority(name: string): this {
    this.openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${name}`);
    return this;
  }

  /** `<name>.pem` and `<name>.key`, signed by the authority `by`, with one extension per line of `extensions`. */
  signed(name: string, by: string, extensions: string): this {
    writeFileSync(this.file(`${name}.ext`), `${extensions}\n`);
    this.openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    this.openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${by}.pem`, '-CAkey', `${by}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
    return this;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private openssl(...args: string[]): void {
    execFileSync('openssl', args, { cwd: this.dir, stdio: 'pipe', timeout: 10_000 });
  }
}
