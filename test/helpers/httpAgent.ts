// A browser stand-in over real HTTP (fetch), for servers started as processes: it keeps cookies,
// takes a form's CSRF token from its page, and can talk to several instances as one site — the
// same person behind a load balancer, sent to one instance or another.

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  text: string;
}

export class HttpAgent {
  readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<HttpResponse> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const expired = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body, text: body.toString('utf8') };
  }

  get(url: string): Promise<HttpResponse> {
    return this.request(url);
  }

  /** The CSRF token of the first form on a page. */
  async csrfFrom(page: string): Promise<string> {
    const res = await this.get(page);
    const token = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1];
    if (!token) throw new Error(`no CSRF token on ${page} (status ${res.status})`);
    return token;
  }

  /** Posts a form as a browser does, the token taken from `from` (by default the action itself). */
  async submit(action: string, fields: Record<string, string>, opts: { from?: string } = {}): Promise<HttpResponse> {
    const body = new URLSearchParams({ _csrf: await this.csrfFrom(opts.from ?? action), ...fields });
    return this.request(action, {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** Posts a multipart form with one file. */
  async submitFile(
    action: string,
    fields: Record<string, string>,
    file: { field: string; name: string; bytes: Buffer; type?: string },
    opts: { from: string },
  ): Promise<HttpResponse> {
    const form = new FormData();
    form.set('_csrf', await this.csrfFrom(opts.from));
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set(
      file.field,
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
    return this.request(action, { method: 'POST', body: form });
  }
}
