package cn.youfu.materials.internal;

/** Thrown when an OCR engine is missing, fails, is stopped, or does not finish in time. */
final class OcrFailed extends RuntimeException {

    OcrFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
