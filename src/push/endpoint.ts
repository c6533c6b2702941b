// Which push endpoints we accept. The server later POSTs to the endpoint, so a member-supplied URL is a
// server-side request: only https at the configured push-service hosts (no IP literals, no ports other
// than 443), plus http://127.0.0.1 / localhost when PUSH_ALLOW_LOCAL_ENDPOINTS is set for tests.
export interface EndpointPolicy {
  hosts: string[];
  allowLocal: boolean;
}

export function endpointPolicy(config: { PUSH_ENDPOINT_HOSTS: string; PUSH_ALLOW_LOCAL_ENDPOINTS: boolean }): EndpointPolicy {
  return { hosts: config.PUSH_ENDPOINT_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean), allowLocal: config.PUSH_ALLOW_LOCAL_ENDPOINTS };
}

const hostMatches = (host: string, pattern: string) =>
  pattern === '*' || (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern);

/** null when acceptable, else the reason (for the 400 message). */
export function endpointProblem(raw: string, policy: EndpointPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a URL';
  }
  if (url.username || url.password) return 'must not carry credentials';
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (policy.allowLocal && local && (url.protocol === 'http:' || url.protocol === 'https:')) return null;
  if (url.protocol !== 'https:') return 'must be an https URL';
  if (url.port && url.port !== '443') return 'must use the standard https port';
  // IP literals (v4 or [v6]) never name a push service; refusing them closes the obvious internal targets.
  if (/^\d+\.\d+\.\d+\.\d+$/.test(url.hostname) || url.hostname.startsWith('[')) return 'must name a push service host';
  if (!policy.hosts.some((p) => hostMatches(url.hostname, p))) return 'is not at a known push service';
  return null;
}
