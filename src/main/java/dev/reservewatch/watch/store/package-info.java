/** The watch's data folder: one FRED-style CSV per series and the watch's state, each written atomically. */
package dev.reservewatch.watch.store;
