// kubectl's typed clients send some request bodies as Kubernetes protobuf ("k8s\0" + Unknown
// envelope), e.g. `kubectl auth can-i` posting a SelfSubjectAccessReview. The simulator answers
// in JSON (which clients accept) and decodes the few protobuf bodies it receives with the field
// numbers from k8s.io/api generated.proto.
const magic = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Schema = { [field: number]: [name: string, type: 'string' | 'bool' | 'int' | Schema] };

const typeMeta: Schema = { 1: ['apiVersion', 'string'], 2: ['kind', 'string'] };
const unknown: Schema = {
  1: ['typeMeta', typeMeta],
  2: ['raw', 'string'],
  3: ['contentEncoding', 'string'],
  4: ['contentType', 'string'],
};
const objectMeta: Schema = {
  1: ['name', 'string'],
  2: ['generateName', 'string'],
  3: ['namespace', 'string'],
};
const resourceAttributes: Schema = {
  1: ['namespace', 'string'],
  2: ['verb', 'string'],
  3: ['group', 'string'],
  4: ['version', 'string'],
  5: ['resource', 'string'],
  6: ['subresource', 'string'],
  7: ['name', 'string'],
};
const nonResourceAttributes: Schema = { 1: ['path', 'string'], 2: ['verb', 'string'] };

export const protobufSchemas: Record<string, Schema> = {
  SelfSubjectAccessReview: {
    1: ['metadata', objectMeta],
    2: [
      'spec',
      {
        1: ['resourceAttributes', resourceAttributes],
        2: ['nonResourceAttributes', nonResourceAttributes],
      },
    ],
  },
  SelfSubjectRulesReview: {
    1: ['metadata', objectMeta],
    2: ['spec', { 1: ['namespace', 'string'] }],
  },
  Eviction: { 1: ['metadata', objectMeta] },
};

export function isProtobuf(body: Buffer): boolean {
  return body.length >= 4 && body.subarray(0, 4).equals(magic);
}

function varint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++];
    if (byte === undefined) throw new Error('truncated varint');
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7;
  }
}

function decode(buf: Buffer, schema: Schema | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let pos = 0;
  while (pos < buf.length) {
    let key: number;
    [key, pos] = varint(buf, pos);
    const field = Math.floor(key / 8);
    const wire = key & 7;
    const def = schema?.[field];
    if (wire === 0) {
      let value: number;
      [value, pos] = varint(buf, pos);
      if (def) out[def[0]] = def[1] === 'bool' ? value !== 0 : value;
    } else if (wire === 2) {
      let length: number;
      [length, pos] = varint(buf, pos);
      const bytes = buf.subarray(pos, pos + length);
      pos += length;
      if (!def) continue;
      const [name, type] = def;
      if (type === 'string') out[name] = name === 'raw' ? bytes : bytes.toString('utf8');
      else if (typeof type === 'object') out[name] = decode(bytes, type);
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
  return out;
}

/** Decodes a protobuf request body into the JSON object it stands for, when its kind is known. */
export function decodeProtobufBody(body: Buffer): Record<string, unknown> | undefined {
  const envelope = decode(body.subarray(4), unknown) as {
    typeMeta?: { apiVersion?: string; kind?: string };
    raw?: Buffer;
  };
  const kind = envelope.typeMeta?.kind ?? '';
  const schema = protobufSchemas[kind];
  if (!schema || !envelope.raw) return undefined;
  return { apiVersion: envelope.typeMeta?.apiVersion, kind, ...decode(envelope.raw, schema) };
}
