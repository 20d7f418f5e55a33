<?php
/**
 * Router for PHP's built-in server: serve real files and folders, hand everything else to
 * WordPress (pretty permalinks, /wp-json/).
 */
$root = rtrim( $_SERVER['DOCUMENT_ROOT'], '/' );
$path = rawurldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) ?? '/' );
if ( strpos( $path, '..' ) === false ) {
	if ( is_file( $root . $path ) ) {
		return false; // Static file or a real .php script.
	}
	if ( is_dir( $root . $path ) && is_file( rtrim( $root . $path, '/' ) . '/index.php' ) ) {
		if ( substr( $path, -1 ) !== '/' ) {
			header( 'Location: ' . $path . '/', true, 301 );
			return true;
		}
		return false; // /wp-admin/ -> wp-admin/index.php.
	}
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
unset( $_SERVER['PATH_INFO'] );
chdir( $root );
require $root . '/index.php';
