<?php
/**
 * Stand-in for WPCS's WordPress.PHP.NoSilencedErrors: the @ operator.
 *
 * @package AgenticWriter\PHPCS
 */

namespace AgenticWriter\PHPCS\WordPress\Sniffs\PHP;

use PHP_CodeSniffer\Files\File;
use PHP_CodeSniffer\Sniffs\Sniff;

/**
 * Reports every `@` as Discouraged, a warning as in WPCS (which also lets a short list of PHP
 * functions through; this stand-in does not).
 */
final class NoSilencedErrorsSniff implements Sniff {

	/**
	 * Tokens to look at.
	 *
	 * @return int[]
	 */
	public function register() {
		return array( T_ASPERAND );
	}

	/**
	 * Flags the operator.
	 *
	 * @param File $file File.
	 * @param int  $ptr  Token.
	 */
	public function process( File $file, $ptr ) {
		$file->addWarning( 'Silencing errors is discouraged; handle the failure instead.', $ptr, 'Discouraged' );
	}
}
