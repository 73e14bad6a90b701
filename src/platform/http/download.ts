import type { FastifyReply } from 'fastify';

/** A stored file as a download: always an attachment (never rendered inline), never kept by shared caches. */
export function sendDownload(reply: FastifyReply, file: { name: string; mime: string; bytes: Buffer }) {
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}
