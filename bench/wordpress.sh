#!/usr/bin/env bash
# Serves a real WordPress with an export imported, to compare Gazette's /wp-json with it (bench/wp_compare.py).
# Nothing of WordPress is in this repository: bring a WordPress checkout and the importer plugin's.
#
#   git clone --depth 1 --branch 7.1.0 https://github.com/johnpbloch/wordpress-core /tmp/wordpress
#   git clone --depth 1 https://github.com/WordPress/wordpress-importer /tmp/wordpress-importer
#   bench/wordpress.sh /tmp/wordpress /tmp/wordpress-importer ../shared/fixtures/wordpress/themeunittestdata.wordpress.xml
#
# Needs PHP 8.2 (php8.2-cli php8.2-mysql php8.2-xml php8.2-mbstring php8.2-gd php8.2-curl from Debian) and the
# machine's MariaDB (root without a password). Listens on 127.0.0.1:${WP_PORT:-8090}; database ${WP_DB:-wpcompare}
# is dropped and made again. Attachments are fetched when their URLs answer (serve copies on a local port and
# rewrite the export's URLs to it for media comparisons); the site's permalinks are /%year%/%monthnum%/%day%/%postname%/.
set -euo pipefail
WP_SRC=${1:?WordPress checkout}; IMPORTER=${2:?wordpress-importer checkout}; EXPORT=$(realpath "${3:?WXR export}")
PORT=${WP_PORT:-8090}; DB=${WP_DB:-wpcompare}; ZONE=${WP_TIME_ZONE:-America/Los_Angeles}
SITE=$(mktemp -d /tmp/wordpress-site.XXXXXX)
cp -r "$WP_SRC"/. "$SITE"/ && rm -rf "$SITE/.git"
mkdir -p "$SITE/wp-content/plugins/wordpress-importer" "$SITE/wp-content/mu-plugins"
cp -r "$IMPORTER"/src/. "$SITE/wp-content/plugins/wordpress-importer/"
cat > "$SITE/wp-content/mu-plugins/local-fetch.php" <<'PHP'
<?php // comparison only: the importer may fetch attachments from local addresses
add_filter('http_request_host_is_external', '__return_true');
add_filter('http_request_args', function ($args) { $args['reject_unsafe_urls'] = false; return $args; });
PHP
cat > "$SITE/wp-config.php" <<PHP
<?php
define('DB_NAME', '$DB'); define('DB_USER', 'root'); define('DB_PASSWORD', ''); define('DB_HOST', '127.0.0.1');
define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as \$k) define(\$k, 'compare-only');
\$table_prefix = 'wp_';
define('AUTOMATIC_UPDATER_DISABLED', true); define('DISABLE_WP_CRON', true); define('WP_HTTP_BLOCK_EXTERNAL', true);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP
mysql -uroot -e "drop database if exists $DB; create database $DB character set utf8mb4"
cd "$SITE"
# install, drop the sample content, import with the export's authors as users (as the importer's form does)
php -r "
\$_SERVER['HTTP_HOST'] = '127.0.0.1:$PORT'; define('WP_INSTALLING', true);
require 'wp-load.php'; require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Compared', 'admin', 'admin@example.com', true, '', 'compare-only');
update_option('siteurl', 'http://127.0.0.1:$PORT'); update_option('home', 'http://127.0.0.1:$PORT');
update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/'); update_option('timezone_string', '$ZONE');
" 2>&1 | grep -v sendmail || true
php -r "
\$_SERVER['HTTP_HOST'] = '127.0.0.1:$PORT'; require 'wp-load.php';
foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as \$p) wp_delete_post(\$p->ID, true);
foreach (get_comments() as \$c) wp_delete_comment(\$c->comment_ID, true);
"
php -r "
\$_SERVER['HTTP_HOST'] = '127.0.0.1:$PORT'; define('WP_LOAD_IMPORTERS', true);
require 'wp-load.php'; require_once ABSPATH . 'wp-admin/includes/admin.php'; require_once ABSPATH . 'wp-admin/includes/import.php';
wp_set_current_user(1); require ABSPATH . 'wp-content/plugins/wordpress-importer/wordpress-importer.php';
\$i = new WP_Import(); \$i->fetch_attachments = true; \$d = \$i->parse('$EXPORT');
\$_POST['imported_authors'] = array_keys(\$d['authors']); \$_POST['user_map'] = [];
\$i->import('$EXPORT');
" > "$SITE/import.log" 2>&1
cat > "$SITE/router.php" <<'PHP'
<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && is_file(__DIR__ . $path)) return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
require __DIR__ . '/index.php';
PHP
echo "WordPress $(php -r "include 'wp-includes/version.php'; echo \$wp_version;") at http://127.0.0.1:$PORT/wp-json/ (site in $SITE)"
exec php -S "127.0.0.1:$PORT" router.php
