<?php
/**
 * Stand-in for WPCS's WordPress.DB.PreparedSQL: the SQL handed to $wpdb must not carry values
 * that did not go through $wpdb->prepare() or an SQL escaping function.
 *
 * @package AgenticWriter\PHPCS
 */

namespace AgenticWriter\PHPCS\WordPress\Sniffs\DB;

use AgenticWriter\PHPCS\WordPress\Helpers;
use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

require_once dirname( __DIR__, 2 ) . '/Helpers.php';

/**
 * Walks the first argument of `$wpdb->query|get_*|prepare(`: a variable or a call to anything
 * but an escaping function is NotPrepared, a variable inside a double-quoted string is
 * InterpolatedNotPrepared (errors, as in WPCS). `$wpdb->table` names and constants are fine;
 * a nested `$wpdb->prepare()` is checked on its own.
 */
final class PreparedSQLSniff implements Sniff {

	private const METHODS = array( 'query', 'get_var', 'get_col', 'get_row', 'get_results', 'prepare' );

	/** Functions whose result is safe inside SQL. */
	private const ESCAPING = array( 'esc_sql', 'absint', 'intval', 'floatval', 'count', 'like_escape' );

	/**
	 * Tokens to look at.
	 *
	 * @return int[]
	 */
	public function register() {
		return array( T_VARIABLE );
	}

	/**
	 * Checks the SQL argument of one call.
	 *
	 * @param File $file File.
	 * @param int  $ptr  Token.
	 */
	public function process( File $file, $ptr ) {
		$call = Helpers::wpdb_call( $file, $ptr );
		if ( null === $call || ! in_array( $call['name'], self::METHODS, true ) ) {
			return;
		}
		$args = Helpers::arguments( $file, $call['open'] );
		if ( array() === $args ) {
			return;
		}
		$tokens = $file->getTokens();
		for ( $i = $args[0][0]; $i <= $args[0][1]; $i++ ) {
			$code = $tokens[ $i ]['code'];
			if ( T_VARIABLE === $code ) {
				$inner = Helpers::wpdb_call( $file, $i );
				if ( null !== $inner ) {
					$i = $inner['close']; // Any $wpdb call is checked where it stands.
				} elseif ( '$wpdb' === $tokens[ $i ]['content'] ) {
					$i = (int) $file->findNext( Tokens::$emptyTokens, $i + 2, null, true ); // $wpdb->table.
				} else {
					$file->addError( 'Use placeholders and $wpdb->prepare(); found %s.', $i, 'NotPrepared', array( $tokens[ $i ]['content'] ) );
				}
			} elseif ( T_DOUBLE_QUOTED_STRING === $code || T_HEREDOC === $code ) {
				foreach ( Helpers::interpolated( $tokens[ $i ]['content'] ) as $variable ) {
					$file->addError( 'Use placeholders and $wpdb->prepare(); found interpolated variable %s.', $i, 'InterpolatedNotPrepared', array( $variable ) );
				}
			} elseif ( T_STRING === $code && null !== Helpers::function_call_open( $file, $i ) ) {
				$open = (int) Helpers::function_call_open( $file, $i );
				if ( ! in_array( strtolower( $tokens[ $i ]['content'] ), self::ESCAPING, true ) ) {
					$file->addError( 'Use placeholders and $wpdb->prepare(); found %s().', $i, 'NotPrepared', array( $tokens[ $i ]['content'] ) );
				}
				$i = $tokens[ $open ]['parenthesis_closer'];
			}
		}
	}
}
