// A throwaway certificate authority and a server certificate for 127.0.0.1 / localhost, so
// clients verify the simulator exactly as they verify a real cluster (certificate-authority-data).
// Keys are ECDSA P-256 from node:crypto (a millisecond, where RSA-2048 takes hundreds); node-forge
// supplies the ASN.1 pieces (names, extensions) and node:crypto signs.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

export interface ServerTls {
  caPem: string;
  certPem: string;
  keyPem: string;
}

const { asn1 } = forge;
const ecdsaWithSha256 = '1.2.840.10045.4.3.2';

// Present at runtime in node-forge but missing from @types/node-forge.
const pki = forge.pki as unknown as {
  distinguishedNameToAsn1(dn: forge.pki.Certificate['subject']): forge.asn1.Asn1;
  certificateExtensionsToAsn1(exts: unknown[]): forge.asn1.Asn1;
};

function oid(id: string): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
}

function seq(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
}

function time(date: Date): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date));
}

function derToAsn1(der: Buffer): forge.asn1.Asn1 {
  return asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
}

interface CertInput {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  signingKey: KeyObject;
  extensions: Record<string, unknown>[];
  notBefore: Date;
  notAfter: Date;
}

function certificatePem(input: CertInput): string {
  // node-forge fills extension values and names; it needs a certificate object to do so.
  const scratch = forge.pki.createCertificate();
  scratch.setSubject([{ name: 'commonName', value: input.subject }]);
  scratch.setIssuer([{ name: 'commonName', value: input.issuer }]);
  scratch.setExtensions(input.extensions);
  const spki = input.publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHash('sha1').update(spki).digest();
  // A positive 16-byte serial: the leading byte stays below 0x80.
  const serial = Buffer.concat([Buffer.from([0x01]), randomBytes(15)]);
  const tbs = seq([
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, String.fromCharCode(2)),
    ]),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, serial.toString('binary')),
    seq([oid(ecdsaWithSha256)]),
    pki.distinguishedNameToAsn1(scratch.issuer),
    seq([time(input.notBefore), time(input.notAfter)]),
    pki.distinguishedNameToAsn1(scratch.subject),
    derToAsn1(spki),
    pki.certificateExtensionsToAsn1([
      ...scratch.extensions,
      // subjectKeyIdentifier, computed here because forge only knows how to do it for RSA keys.
      {
        id: '2.5.29.14',
        critical: false,
        value: asn1.create(
          asn1.Class.UNIVERSAL,
          asn1.Type.OCTETSTRING,
          false,
          keyId.toString('binary'),
        ),
      },
    ]),
  ]);
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary');
  const signature = sign('sha256', tbsDer, input.signingKey);
  const cert = seq([
    tbs,
    seq([oid(ecdsaWithSha256)]),
    asn1.create(
      asn1.Class.UNIVERSAL,
      asn1.Type.BITSTRING,
      false,
      `\u0000${signature.toString('binary')}`,
    ),
  ]);
  const der = Buffer.from(asn1.toDer(cert).getBytes(), 'binary');
  const body = der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

export function createServerTls(): ServerTls {
  const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const server = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const notBefore = new Date(Date.now() - 60 * 60 * 1000);
  const notAfter = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000);
  const caName = 'mlops-console-kube-sim-ca';
  const caPem = certificatePem({
    subject: caName,
    issuer: caName,
    publicKey: ca.publicKey,
    signingKey: ca.privateKey,
    notBefore,
    notAfter,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      {
        name: 'keyUsage',
        keyCertSign: true,
        cRLSign: true,
        digitalSignature: true,
        critical: true,
      },
    ],
  });
  const certPem = certificatePem({
    subject: 'kube-apiserver',
    issuer: caName,
    publicKey: server.publicKey,
    signingKey: ca.privateKey,
    notBefore,
    notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: 'kubernetes.default.svc' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return {
    caPem,
    certPem,
    keyPem: server.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
