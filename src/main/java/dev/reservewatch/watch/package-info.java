/**
 * The watch: the service fetches FRED's series itself ({@code fetch}), keeps them as FRED-style CSV files in
 * {@code watch.data-dir} ({@code store}), knows how fresh each is, and tells webhooks when the verdict or the
 * data turns ({@code alert}). {@link dev.reservewatch.watch.WatchService} ties them together; it is off without a
 * FRED key.
 */
package dev.reservewatch.watch;
