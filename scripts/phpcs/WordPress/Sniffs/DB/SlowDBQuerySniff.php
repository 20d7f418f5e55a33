<?php
/**
 * Stand-in for WPCS's WordPress.DB.SlowDBQuery: query arguments that make slow queries.
 *
 * @package AgenticWriter\PHPCS
 */

namespace AgenticWriter\PHPCS\WordPress\Sniffs\DB;

use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Reports `'meta_query' =>` (and tax_query, meta_key, meta_value) as slow_db_query_<key>, a
 * warning as in WPCS.
 */
final class SlowDBQuerySniff implements Sniff {

	private const KEYS = array( 'tax_query', 'meta_query', 'meta_key', 'meta_value' );

	/**
	 * Tokens to look at.
	 *
	 * @return int[]
	 */
	public function register() {
		return array( T_CONSTANT_ENCAPSED_STRING );
	}

	/**
	 * Flags a slow key used as an array key.
	 *
	 * @param File $file File.
	 * @param int  $ptr  Token.
	 */
	public function process( File $file, $ptr ) {
		$tokens = $file->getTokens();
		$key    = substr( $tokens[ $ptr ]['content'], 1, -1 );
		$next   = $file->findNext( Tokens::$emptyTokens, $ptr + 1, null, true );
		if ( in_array( $key, self::KEYS, true ) && false !== $next && T_DOUBLE_ARROW === $tokens[ $next ]['code'] ) {
			$file->addWarning( 'Detected usage of %s, possible slow query.', $ptr, 'slow_db_query_' . $key, array( $key ) );
		}
	}
}
