<?php
/**
 * Token helpers shared by the stand-in sniffs.
 *
 * @package AgenticWriter\PHPCS
 */

namespace AgenticWriter\PHPCS\WordPress;

use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Util\Tokens;

/**
 * Finds `$wpdb->method(`, plain function calls and argument bounds.
 */
final class Helpers {

	/**
	 * `$wpdb->name(` at $ptr: the method name and its parentheses, or null.
	 *
	 * @param File $file File.
	 * @param int  $ptr  A T_VARIABLE token.
	 * @return array{name:string,open:int,close:int}|null
	 */
	public static function wpdb_call( File $file, int $ptr ): ?array {
		$tokens = $file->getTokens();
		if ( T_VARIABLE !== $tokens[ $ptr ]['code'] || '$wpdb' !== $tokens[ $ptr ]['content'] ) {
			return null;
		}
		$arrow = $file->findNext( Tokens::$emptyTokens, $ptr + 1, null, true );
		$name  = false === $arrow ? false : $file->findNext( Tokens::$emptyTokens, $arrow + 1, null, true );
		$open  = false === $name ? false : $file->findNext( Tokens::$emptyTokens, $name + 1, null, true );
		if ( false === $open || T_OBJECT_OPERATOR !== $tokens[ $arrow ]['code'] || T_STRING !== $tokens[ $name ]['code']
			|| T_OPEN_PARENTHESIS !== $tokens[ $open ]['code'] || ! isset( $tokens[ $open ]['parenthesis_closer'] ) ) {
			return null;
		}
		return array(
			'name'  => strtolower( $tokens[ $name ]['content'] ),
			'open'  => $open,
			'close' => $tokens[ $open ]['parenthesis_closer'],
		);
	}

	/**
	 * The opening parenthesis when the T_STRING at $ptr calls a global function (not a method,
	 * not a declaration), else null.
	 *
	 * @param File $file File.
	 * @param int  $ptr  A T_STRING token.
	 */
	public static function function_call_open( File $file, int $ptr ): ?int {
		$tokens = $file->getTokens();
		$open   = $file->findNext( Tokens::$emptyTokens, $ptr + 1, null, true );
		if ( false === $open || T_OPEN_PARENTHESIS !== $tokens[ $open ]['code'] ) {
			return null;
		}
		$before = $file->findPrevious( Tokens::$emptyTokens, $ptr - 1, null, true );
		$not    = array( T_OBJECT_OPERATOR, T_NULLSAFE_OBJECT_OPERATOR, T_DOUBLE_COLON, T_FUNCTION, T_NEW, T_CONST );
		if ( false !== $before && in_array( $tokens[ $before ]['code'], $not, true ) ) {
			return null;
		}
		return $open;
	}

	/**
	 * Top-level arguments between a call's parentheses, as [start, end] token ranges.
	 *
	 * @param File $file File.
	 * @param int  $open Opening parenthesis.
	 * @return array<int,array{0:int,1:int}>
	 */
	public static function arguments( File $file, int $open ): array {
		$close = $file->getTokens()[ $open ]['parenthesis_closer'];
		if ( false === $file->findNext( Tokens::$emptyTokens, $open + 1, $close, true ) ) {
			return array();
		}
		return self::split( $file, $open + 1, $close - 1 );
	}

	/**
	 * A token range cut at its top-level commas (an argument list, echo's list).
	 *
	 * @param File $file  File.
	 * @param int  $start First token.
	 * @param int  $stop  Last token.
	 * @return array<int,array{0:int,1:int}>
	 */
	public static function split( File $file, int $start, int $stop ): array {
		$tokens = $file->getTokens();
		$out    = array();
		$from   = $start;
		for ( $i = $start; $i <= $stop; $i++ ) {
			if ( isset( $tokens[ $i ]['parenthesis_closer'] ) && T_OPEN_PARENTHESIS === $tokens[ $i ]['code'] ) {
				$i = $tokens[ $i ]['parenthesis_closer'];
			} elseif ( isset( $tokens[ $i ]['bracket_closer'] ) ) {
				$i = $tokens[ $i ]['bracket_closer'];
			} elseif ( T_COMMA === $tokens[ $i ]['code'] ) {
				$out[] = array( $from, $i - 1 );
				$from  = $i + 1;
			}
		}
		$out[] = array( $from, $stop );
		return $out;
	}

	/**
	 * Variables interpolated into a double-quoted string or heredoc, `$wpdb->property` aside
	 * (table names such as `{$wpdb->options}` are WordPress's own).
	 *
	 * @param string $content Token content.
	 * @return string[]
	 */
	public static function interpolated( string $content ): array {
		$content = preg_replace( '/\{?\$wpdb->\w+\}?/', '', $content );
		preg_match_all( '/(?<!\\\\)\$\{?[a-zA-Z_]\w*/', (string) $content, $found );
		return $found[0];
	}
}
