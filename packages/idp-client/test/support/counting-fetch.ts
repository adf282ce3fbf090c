/** Counts the requests that actually reach the transport. */
export function countingFetch(): {
  fetch: (request: Request) => Promise<Response>;
  sent: Request[];
} {
  const sent: Request[] = [];
  return {
    sent,
    fetch: (request) => {
      sent.push(request.clone());
      return fetch(request);
    },
  };
}
