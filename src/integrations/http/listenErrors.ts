/** One line, Dutch and English, for the listen failures an operator can fix; undefined for others. */
export function listenErrorMessage(error: unknown, host: string, port: number): string | undefined {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === "EADDRINUSE") {
    return `Poort ${port} op ${host} is al in gebruik; kies een andere PORT / port ${port} on ${host} is already in use; choose another PORT.`;
  }
  if (code === "EACCES") return `Geen toestemming om op poort ${port} te luisteren / no permission to listen on port ${port}.`;
  if (code === "EADDRNOTAVAIL") return `Adres ${host} bestaat niet op deze machine; controleer HOST / address ${host} is not available here; check HOST.`;
  return undefined;
}
