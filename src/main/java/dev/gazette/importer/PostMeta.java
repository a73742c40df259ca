package dev.gazette.importer;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The custom fields ({@code wp:postmeta}) of an imported post that Gazette does not carry, named the way a
 * migrator can act on: by plugin where the key shows it (SEO titles and descriptions, page-builder data,
 * sharing state), else by key, with generated suffixes (hashes, numbers) folded into one name.
 */
final class PostMeta {

    /** Keys Gazette maps onto the post: the featured image. */
    static final Set<String> CARRIED = Set.of("_thumbnail_id");

    /** Key prefixes of common plugins, with the name a migrator knows them by. */
    private static final String[][] PLUGINS = {
            {"_yoast_wpseo_", "Yoast SEO"},
            {"_aioseo_", "All in One SEO"},
            {"_aioseop_", "All in One SEO"},
            {"rank_math_", "Rank Math SEO"},
            {"_seopress_", "SEOPress"},
            {"_genesis_", "Genesis"},
            {"_elementor_", "Elementor"},
            {"_fl_builder_", "Beaver Builder"},
            {"_wpb_", "WPBakery"},
            {"_et_pb_", "Divi"},
            {"_jetpack_", "Jetpack"},
            {"jetpack_", "Jetpack"},
            {"_publicize_", "Jetpack Publicize"},
            {"_wpas_", "Jetpack Publicize"},
            {"_amp_", "AMP"},
            {"_wpml_", "WPML"},
            {"_icl_", "WPML"},
            {"_oembed_", "WordPress oEmbed cache, not needed: embeds are made from the URLs"},
            {"_menu_item_", "WordPress menus"},
            {"_wp_trash_meta_", "WordPress trash"},
    };

    private static final Pattern GENERATED_SUFFIX = Pattern.compile("^(.+?_)(?:[0-9a-f]{32}|[0-9]+)$");

    private PostMeta() {
    }

    /** The kinds of metadata of one post that are not carried, each named once. */
    static Set<String> notCarried(Map<String, String> meta) {
        Set<String> kinds = new TreeSet<>();
        for (String key : meta.keySet()) {
            if (key != null && !key.isBlank() && !CARRIED.contains(key)) {
                kinds.add(kind(key.trim()));
            }
        }
        return kinds;
    }

    /** "_yoast_wpseo_* (Yoast SEO)", "_oembed_* (...)", or the key itself ("enclosure", "_edit_last"). */
    static String kind(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String[] plugin : PLUGINS) {
            if (lower.startsWith(plugin[0])) {
                return plugin[0] + "* (" + plugin[1] + ")";
            }
        }
        var generated = GENERATED_SUFFIX.matcher(key);
        String name = generated.matches() ? generated.group(1) + "*" : key;
        return name.length() > 80 ? name.substring(0, 80) + "…" : name;
    }
}
