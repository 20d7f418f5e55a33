<?php
/**
 * Stand-in for WPCS's WordPress.Security.EscapeOutput: output must be escaped where it is
 * printed.
 *
 * @package AgenticWriter\PHPCS
 */

namespace AgenticWriter\PHPCS\WordPress\Sniffs\Security;

use AgenticWriter\PHPCS\WordPress\Helpers;
use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;
use PHP_CodeSniffer\Util\Tokens;

require_once dirname( __DIR__, 2 ) . '/Helpers.php';

/**
 * In what `echo`, `print`, `exit()`/`die()`, `printf()` and `vprintf()` print, a variable, an
 * interpolated string or a call to anything but an escaping function is OutputNotEscaped (an
 * error, as in WPCS). An argument cast to int, float or bool is safe.
 */
final class EscapeOutputSniff implements Sniff {

	private const PRINTING = array( 'printf', 'vprintf' );

	private const ESCAPING = array(
		'absint', 'intval', 'floatval', 'number_format_i18n', 'tag_escape',
		'esc_attr', 'esc_attr__', 'esc_attr_x', 'esc_html', 'esc_html__', 'esc_html_x', 'esc_js', 'esc_textarea', 'esc_url', 'esc_xml',
		'wp_kses', 'wp_kses_post', 'wp_kses_data', 'wp_kses_one_attr',
	);

	/**
	 * Tokens to look at.
	 *
	 * @return int[]
	 */
	public function register() {
		return array( T_ECHO, T_PRINT, T_EXIT, T_STRING );
	}

	/**
	 * Checks each printed expression.
	 *
	 * @param File $file File.
	 * @param int  $ptr  Token.
	 */
	public function process( File $file, $ptr ) {
		$tokens = $file->getTokens();
		$code   = $tokens[ $ptr ]['code'];
		if ( T_STRING === $code || T_EXIT === $code ) {
			$open = T_EXIT === $code ? $file->findNext( Tokens::$emptyTokens, $ptr + 1, null, true ) : Helpers::function_call_open( $file, $ptr );
			$name = strtolower( $tokens[ $ptr ]['content'] );
			if ( false === $open || null === $open || T_OPEN_PARENTHESIS !== $tokens[ $open ]['code'] || ( T_STRING === $code && ! in_array( $name, self::PRINTING, true ) ) ) {
				return;
			}
			$ranges = Helpers::arguments( $file, $open );
		} else {
			$end    = $file->findNext( array( T_SEMICOLON, T_CLOSE_TAG ), $ptr + 1 );
			$ranges = Helpers::split( $file, $ptr + 1, false === $end ? $file->numTokens - 1 : $end - 1 );
		}
		foreach ( $ranges as [ $start, $stop ] ) {
			$this->check( $file, $start, $stop );
		}
	}

	/**
	 * Reports the first unescaped part of one printed expression.
	 *
	 * @param File $file  File.
	 * @param int  $start First token.
	 * @param int  $stop  Last token.
	 */
	private function check( File $file, int $start, int $stop ): void {
		$tokens = $file->getTokens();
		$first  = $file->findNext( Tokens::$emptyTokens, $start, $stop + 1, true );
		if ( false === $first || in_array( $tokens[ $first ]['code'], array( T_INT_CAST, T_DOUBLE_CAST, T_BOOL_CAST ), true ) ) {
			return;
		}
		for ( $i = $first; $i <= $stop; $i++ ) {
			$code = $tokens[ $i ]['code'];
			$open = T_STRING === $code ? Helpers::function_call_open( $file, $i ) : null;
			if ( null !== $open && in_array( strtolower( $tokens[ $i ]['content'] ), self::ESCAPING, true ) ) {
				$i = $tokens[ $open ]['parenthesis_closer'];
				continue;
			}
			$unsafe = T_VARIABLE === $code || null !== $open
				|| ( ( T_DOUBLE_QUOTED_STRING === $code || T_HEREDOC === $code ) && array() !== Helpers::interpolated( $tokens[ $i ]['content'] ) );
			if ( $unsafe ) {
				$file->addError( 'All output should be run through an escaping function; found %s.', $i, 'OutputNotEscaped', array( trim( $tokens[ $i ]['content'] ) ) );
				return;
			}
		}
	}
}
