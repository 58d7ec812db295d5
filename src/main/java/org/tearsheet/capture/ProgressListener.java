package org.tearsheet.capture;

/** Told after each URL of {@link CaptureService#captureAll} is done, on the worker thread that captured it. */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param result    the finished capture
     * @param completed how many captures of this batch are done, this one included
     * @param total     size of the batch
     */
    void captured(CaptureResult result, int completed, int total);
}
