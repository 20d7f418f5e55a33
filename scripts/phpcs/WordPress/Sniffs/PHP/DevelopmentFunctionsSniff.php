<?php
/**
 * Stand-in for WPCS's WordPress.PHP.DevelopmentFunctions: debug output left in the code.
 *
 * @package AgenticWriter\PHPCS
 */

namespace AgenticWriter\PHPCS\WordPress\Sniffs\PHP;

use AgenticWriter\PHPCS\WordPress\Helpers;
use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;

require_once dirname( __DIR__, 2 ) . '/Helpers.php';

/**
 * Reports calls of WPCS's `error_log` group as error_log_<function>, a warning as in WPCS.
 */
final class DevelopmentFunctionsSniff implements Sniff {

	private const ERROR_LOG = array( 'error_log', 'var_dump', 'var_export', 'print_r', 'trigger_error', 'set_error_handler', 'debug_backtrace', 'debug_print_backtrace', 'wp_debug_backtrace_summary' );

	/**
	 * Tokens to look at.
	 *
	 * @return int[]
	 */
	public function register() {
		return array( T_STRING );
	}

	/**
	 * Flags a call of a development function.
	 *
	 * @param File $file File.
	 * @param int  $ptr  Token.
	 */
	public function process( File $file, $ptr ) {
		$name = strtolower( $file->getTokens()[ $ptr ]['content'] );
		if ( in_array( $name, self::ERROR_LOG, true ) && null !== Helpers::function_call_open( $file, $ptr ) ) {
			$file->addWarning( '%s() found. Debug code should not normally be used in production.', $ptr, 'error_log_' . $name, array( $name ) );
		}
	}
}
