/**
 * 可信电子文件库, the trusted e-document library: files kept by their SM3 fingerprint.
 *
 * <p>{@link cn.youfu.documents.Documents} stores bytes under the SM3 hash of their content (storing the same bytes
 * twice keeps one copy), finds them again and re-checks that what is stored still hashes to its key. The library is
 * append-only: there is no code path that changes or removes a document, and the database refuses UPDATE, DELETE and
 * TRUNCATE on its table. Certificates are kept here; uploaded materials will be too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trusted e-document library",
        allowedDependencies = "platform")
package cn.youfu.documents;
