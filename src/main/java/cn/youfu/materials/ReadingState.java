package cn.youfu.materials;

/** Where the reading of an uploaded material stands. */
public enum ReadingState {
    /** Stored; waiting for a reader (the queue was full, or the reader stopped). It will be read. */
    PENDING,
    /** A reader is on it. */
    READING,
    /** Read: the fields are there (each with its confidence; some may be missing). */
    READ,
    /** It could not be read (not an image of the material, the OCR engine failed): a person must look. */
    FAILED
}
