import type { Request, RequestHandler } from "express";

/**
 * The web chat's page is static, same-origin and script-by-file only, so the policy can be strict:
 * nothing from elsewhere, no inline script, never inside a frame.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const HSTS = "max-age=31536000; includeSubDomains";

/** TLS at this server, or at a proxy in front of it that says so. */
export function behindTls(req: Request): boolean {
  if (req.secure) return true;
  const forwarded = req.headers["x-forwarded-proto"];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}

/**
 * Security headers on every response (page, API, probes, errors). HSTS only when the request
 * came over TLS: over plain HTTP it would be meaningless, and on localhost harmful to other apps.
 */
export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (behindTls(req)) res.setHeader("Strict-Transport-Security", HSTS);
    next();
  };
}
