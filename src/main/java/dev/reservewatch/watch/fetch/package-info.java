/** Asking FRED's API for new observations within its limits: the client, the rate limiter, backoff, a fetch run. */
package dev.reservewatch.watch.fetch;
