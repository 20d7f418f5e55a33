<?php
/**
 * Stand-in for WPCS's WordPress.DB.DirectDatabaseQuery: every query through $wpdb is flagged.
 *
 * @package AgenticWriter\PHPCS
 */

namespace AgenticWriter\PHPCS\WordPress\Sniffs\DB;

use AgenticWriter\PHPCS\WordPress\Helpers;
use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;

require_once dirname( __DIR__, 2 ) . '/Helpers.php';

/**
 * Reports `$wpdb->query|get_*|insert|update|delete|replace(` as DirectQuery (a warning, as in
 * WPCS). WPCS's NoCaching and SchemaChange codes are not reproduced.
 */
final class DirectDatabaseQuerySniff implements Sniff {

	private const METHODS = array( 'query', 'get_var', 'get_col', 'get_row', 'get_results', 'insert', 'update', 'delete', 'replace' );

	/**
	 * Tokens to look at.
	 *
	 * @return int[]
	 */
	public function register() {
		return array( T_VARIABLE );
	}

	/**
	 * Flags a direct query.
	 *
	 * @param File $file File.
	 * @param int  $ptr  Token.
	 */
	public function process( File $file, $ptr ) {
		$call = Helpers::wpdb_call( $file, $ptr );
		if ( null !== $call && in_array( $call['name'], self::METHODS, true ) ) {
			$file->addWarning( 'Use of a direct database call (%s) is discouraged.', $ptr, 'DirectQuery', array( '$wpdb->' . $call['name'] . '()' ) );
		}
	}
}
