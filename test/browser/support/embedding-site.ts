import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface EmbeddingSite {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A stand-in for another site (a garante's micrositio, a webmail) on another origin: one page that frames the given
 * URLs, each in an iframe with the id `marco-<n>`, and links to others (`enlace-<n>`).
 */
export async function startEmbeddingSite(framed: readonly string[], links: readonly string[] = []): Promise<EmbeddingSite> {
  const body = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Micrositio del organismo garante</title></head>
<body><h1>Micrositio del organismo garante</h1>
${links.map((href, index) => `<p><a id="enlace-${index}" href="${href}">${href}</a></p>`).join('\n')}
${framed.map((src, index) => `<iframe id="marco-${index}" src="${src}" title="Marco ${index}" width="1200" height="600"></iframe>`).join('\n')}
</body></html>`;
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // localhost, not 127.0.0.1: another origin than the API's, as a real micrositio would be.
    url: `http://localhost:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
