package io.quargo.gateway.body;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes a large body to a Vert.x response from a worker thread with at most {@link #WINDOW} bytes
 * on their way to the socket: each slice waits until the earlier ones have left. The server's own
 * output stream copies a body into pooled direct buffers faster than a socket drains them (its
 * writes from a worker thread are queued as tasks the write queue does not count yet), so 200
 * clients reading a 1.2 MB list at once ran a 256 MB gateway out of direct memory; here the slices
 * stay views of the one heap array until the event loop sends them, and a client that reads slowly
 * holds one window, not a whole copy.
 */
final class WindowedWrites {

  /** Bytes handed to the response at a time. */
  static final int SLICE = 32 * 1024;

  /** Bytes written but not yet sent, per response, before the writer waits. */
  static final int WINDOW = 4 * SLICE;

  /** How long a writer waits for a client that reads nothing before giving up on it. */
  static final long STALLED_SECONDS = 60;

  private WindowedWrites() {}

  /**
   * Writes {@code bytes} to {@code response} (which the caller ends), slice by slice; its length
   * goes ahead of them (HTTP/1.1 without chunks needs it before the first slice).
   */
  static void write(HttpServerResponse response, byte[] bytes) throws IOException {
    if (!response.isChunked()) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(bytes.length));
    }
    Semaphore window = new Semaphore(WINDOW);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    for (int offset = 0; offset < bytes.length; offset += SLICE) {
      int length = Math.min(SLICE, bytes.length - offset);
      acquire(window, length, failed);
      response.write(
          Buffer.buffer(Unpooled.wrappedBuffer(bytes, offset, length)),
          done -> {
            if (done.failed()) {
              failed.compareAndSet(null, done.cause());
            }
            window.release(length);
          });
    }
    if (failed.get() != null) {
      throw new IOException("the client went away", failed.get());
    }
  }

  private static void acquire(Semaphore window, int length, AtomicReference<Throwable> failed)
      throws IOException {
    try {
      if (!window.tryAcquire(length, STALLED_SECONDS, TimeUnit.SECONDS)) {
        throw new IOException("the client read nothing for " + STALLED_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing an answer");
    }
    if (failed.get() != null) {
      throw new IOException("the client went away", failed.get());
    }
  }
}
