import { ServerCredentials, experimental, type ServerUnaryCall } from '@grpc/grpc-js';
import type { Principal } from '../auth/principal';

/** What grpc-js knows of a call's transport (its AuthContext, which the package does not export by name). */
type AuthContext = ReturnType<ServerUnaryCall<unknown, unknown>['getAuthContext']>;

/** The gRPC listener's TLS material (PEM); with `clientCa`, partners may present certificates it signed. */
export interface GrpcTls {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly clientCa?: Buffer | undefined;
}

/** The role a partner's certificate stands for: what a partner's token with `partner-agent` grants. */
export const CERTIFICATE_PARTNER_ROLE = 'partner-agent';

/**
 * The one SAN URI form a partner certificate names its partner by. A URI SAN, not the CN: it is
 * typed (a CN is free text a CA may fill with a host name), and a CA profile can constrain it.
 */
const PARTNER_URI = /^URI:partner:([A-Za-z0-9][A-Za-z0-9._-]{0,63})$/;

/**
 * Material handed over once; grpc-js asks providers by listener, and ours never changes while
 * serving. Handed over on the next microtask: grpc-js subscribes to the providers before it
 * registers the listener's own watcher, so an update given at once would be lost (every
 * connection then dropped as "unloaded credentials").
 */
class FixedCertificates implements experimental.CertificateProvider {
  constructor(private readonly material: { ca?: Buffer; cert?: Buffer; key?: Buffer }) {}
  addCaCertificateListener(listener: experimental.CaCertificateUpdateListener): void {
    const { ca } = this.material;
    queueMicrotask(() => listener(ca ? { caCertificate: ca } : null));
  }
  removeCaCertificateListener(): void {}
  addIdentityCertificateListener(listener: experimental.IdentityCertificateUpdateListener): void {
    const { cert, key } = this.material;
    queueMicrotask(() => listener(cert && key ? { certificate: cert, privateKey: key } : null));
  }
  removeIdentityCertificateListener(): void {}
}

/**
 * Plain TCP without TLS material; TLS with it; and with a client CA the server asks for a client
 * certificate without requiring one, so a caller with only a bearer token still connects. A
 * certificate the CA did not sign does not fail the handshake (the caller would see UNAVAILABLE,
 * and could not tell why): grpc-js reports no verified peer, so the call is UNAUTHENTICATED.
 */
export const serverCredentialsOf = (tls: GrpcTls | undefined): ServerCredentials => {
  if (!tls) return ServerCredentials.createInsecure();
  if (!tls.clientCa) return ServerCredentials.createSsl(null, [{ cert_chain: tls.cert, private_key: tls.key }], false);
  // One provider for both roles: grpc-js 1.14 passes createCertificateProviderServerCredentials'
  // two providers to its constructor in swapped order, so each must be able to stand for the other.
  const material = new FixedCertificates({ ca: tls.clientCa, cert: tls.cert, key: tls.key });
  return experimental.createCertificateProviderServerCredentials(material, material, false);
};

/** The partner ids a certificate's subjectAltName names as `URI:partner:<id>`. */
export const partnersNamedIn = (subjectAltName: string | undefined): string[] =>
  (subjectAltName ?? '')
    .split(/,\s*/)
    .flatMap((name) => {
      const partner = PARTNER_URI.exec(name.trim())?.[1];
      return partner === undefined ? [] : [partner];
    });

/**
 * The caller a verified client certificate stands for: the partner its one `partner:<id>` SAN URI
 * names. grpc-js hands a peer certificate over only once the client CA verified it, so an
 * unverified one never gets here. No such URI, or several, and the certificate speaks for nobody.
 */
export const certificatePrincipalOf = (context: AuthContext | null | undefined): Principal | undefined => {
  const certificate = context?.sslPeerCertificate;
  if (!certificate) return undefined;
  const partners = partnersNamedIn(certificate.subjectaltname);
  if (partners.length !== 1) return undefined;
  const partner = partners[0]!;
  return { subject: `partner:${partner}`, roles: [CERTIFICATE_PARTNER_ROLE], audience: 'PARTNER', partner };
};
