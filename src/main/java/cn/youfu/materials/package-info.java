/**
 * 材料识读, reading the uploaded materials: a photographed ID card or business licence becomes checked fields.
 *
 * <p>{@code POST /api/v1/materials} accepts a JPEG, PNG or PDF (the type detected from the content with Apache Tika,
 * never from the name), refuses what is too big, a decompression bomb, an encrypted or malformed PDF and content that
 * is not what it was declared to be, and keeps the bytes in the trusted e-document library under their SM3. The
 * reading — OCR (PaddleOCR's PP-OCRv4 models in ONNX Runtime by default: text lines detected, the page straightened
 * by them, each line recognised; or Tesseract), and an extractor per material that finds the fields by their printed
 * labels and checks identifiers by their check characters — runs off the request thread on a bounded queue, each
 * reading bounded in pixels, pages and time (a file that breaks a bound ends FAILED with the reason); what the queue
 * cannot take
 * stays PENDING and a db-scheduler task reads it later, on whichever instance, after a restart too. Each field carries
 * a confidence and the region of the image it was read from. {@link cn.youfu.materials.Materials} lets the approval
 * module put the fields into an item's policy.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Materials (upload and OCR)",
        allowedDependencies = {"platform", "identity", "documents", "audit"})
package cn.youfu.materials;
