package dev.gazette.importer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One upload of a WXR file and what became of it. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** validating or importing, while running. */
    public String phase;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "file_path", nullable = false)
    public String filePath;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "bytes_read", nullable = false)
    public long bytesRead;

    @Column(name = "items_read", nullable = false)
    public int itemsRead;

    @Column(name = "site_url")
    public String siteUrl;

    @Column(name = "wxr_version")
    public String wxrVersion;

    /** JSON of {@link ImportCounts}. */
    public String counts;

    /** JSON array of strings. */
    public String warnings;

    public String error;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
