package dev.gazette.media;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;

/** An image of the media library: the original file and its derived sizes live under {@link MediaStore}. */
@Entity
public class Media extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "file_name")
    public String fileName;

    public String title;

    @Column(name = "alt_text")
    public String altText;

    public String caption;

    /** Null when no file is stored (an imported attachment whose file could not be fetched). */
    @Column(name = "mime_type")
    public String mimeType;

    @Column(name = "byte_size")
    public Long byteSize;

    public Integer width;

    public Integer height;

    public String sha256;

    /** Derived sizes, {@link DerivedSize#format}. */
    public String sizes;

    @Column(name = "original_url")
    public String originalUrl;

    @Column(name = "author_id")
    public Long authorId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Whether a file is stored for it. */
    public boolean stored() {
        return mimeType != null;
    }
}
