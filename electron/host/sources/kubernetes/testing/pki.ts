// Throwaway certificates for the Kubernetes source's tests: a CA, server certificates for chosen
// names, client certificates. node:crypto makes the RSA keys and signs; node-forge lays out the
// certificates (its JavaScript RSA is slow).
import { generateKeyPair, sign } from 'node:crypto';
import { isIP } from 'node:net';
import { promisify } from 'node:util';
import forge from 'node-forge';

export interface Issued {
  certPem: string;
  keyPem: string;
}

export interface TestPki {
  caPem: string;
  /** A server certificate for DNS names and IPs, e.g. ['localhost', '127.0.0.1']. */
  server(names: string[]): Promise<Issued>;
  /** A client certificate; Kubernetes reads the user from CN and the groups from O. */
  client(commonName: string): Promise<Issued>;
}

const generateRsa = promisify(generateKeyPair);

async function rsaKeyPem(): Promise<string> {
  const { privateKey } = await generateRsa('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}

function signWithNode(cert: forge.pki.Certificate, keyPem: string): void {
  cert.signatureOid = forge.pki.oids['sha256WithRSAEncryption'] ?? '1.2.840.113549.1.1.11';
  cert.siginfo.algorithmOid = cert.signatureOid;
  // getTBSCertificate exists in node-forge but is missing from its typings.
  const { getTBSCertificate } = forge.pki as unknown as {
    getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1;
  };
  const der = Buffer.from(forge.asn1.toDer(getTBSCertificate(cert)).getBytes(), 'binary');
  cert.signature = sign('sha256', der, keyPem).toString('binary');
}

function serial(): string {
  return `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
}

function base(
  publicKeyPem: string,
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
) {
  const key = forge.pki.privateKeyFromPem(publicKeyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 3_600_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  return cert;
}

export async function createTestPki(name = 'kube-source-test-ca'): Promise<TestPki> {
  const caKeyPem = await rsaKeyPem();
  const caSubject = [{ name: 'commonName', value: name }];
  const ca = base(caKeyPem, caSubject, caSubject);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
  ]);
  signWithNode(ca, caKeyPem);
  const caPem = forge.pki.certificateToPem(ca);

  const issue = async (
    subject: forge.pki.CertificateField[],
    extensions: object[],
  ): Promise<Issued> => {
    const keyPem = await rsaKeyPem();
    const cert = base(keyPem, subject, caSubject);
    cert.setExtensions([{ name: 'basicConstraints', cA: false }, ...extensions]);
    signWithNode(cert, caKeyPem);
    return { certPem: forge.pki.certificateToPem(cert), keyPem };
  };
  return {
    caPem,
    server: (names) =>
      issue(
        [{ name: 'commonName', value: names[0] ?? 'localhost' }],
        [
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
          { name: 'extKeyUsage', serverAuth: true },
          {
            name: 'subjectAltName',
            altNames: names.map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })),
          },
        ],
      ),
    client: (commonName) =>
      issue(
        [
          { name: 'commonName', value: commonName },
          { name: 'organizationName', value: 'testers' },
        ],
        [
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
          { name: 'extKeyUsage', clientAuth: true },
        ],
      ),
  };
}
