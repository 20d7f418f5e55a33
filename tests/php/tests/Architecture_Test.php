<?php
/**
 * Pins the architecture STYLE.md asks for, so a shortcut shows up as a failing test.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use PHPUnit\Framework\TestCase;

/**
 * Static checks over plugin/src (no WordPress state involved).
 */
final class Architecture_Test extends TestCase {

	/**
	 * Every PHP file under plugin/src, relative path => contents.
	 *
	 * @return array<string, string>
	 */
	private static function sources(): array {
		$root  = dirname( __DIR__, 3 ) . '/plugin/src/';
		$files = array();
		$iterator = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $root, \FilesystemIterator::SKIP_DOTS ) );
		foreach ( $iterator as $file ) {
			if ( 'php' === $file->getExtension() ) {
				$files[ substr( $file->getPathname(), strlen( $root ) ) ] = (string) file_get_contents( $file->getPathname() );
			}
		}
		ksort( $files );
		// An empty list would let every check below pass: the plugin has far more files than this.
		self::assertGreaterThan( 20, count( $files ), "no PHP files found under {$root}" );
		return $files;
	}

	/**
	 * Only Usage/ names the usage table; everyone else goes through its repository.
	 */
	public function test_only_usage_touches_the_usage_table(): void {
		$offenders = array();
		foreach ( self::sources() as $path => $code ) {
			if ( ! str_starts_with( $path, 'Usage/' ) && preg_match( '/agentic_writer_usage|Usage_Table::(name|TABLE_SUFFIX)/', $code ) ) {
				$offenders[] = $path;
			}
		}
		$this->assertSame( array(), $offenders );
	}

	/**
	 * Queries go through the usage classes or the shared-state repository, nowhere else.
	 */
	public function test_only_repositories_query_the_database(): void {
		$offenders = array();
		foreach ( self::sources() as $path => $code ) {
			$allowed = str_starts_with( $path, 'Usage/' ) || 'Storage/Shared_State_Repository.php' === $path;
			if ( ! $allowed && str_contains( $code, '$wpdb->' ) ) {
				$offenders[] = $path;
			}
		}
		$this->assertSame( array(), $offenders );
	}

	/**
	 * One class a file, named like the file, in the namespace of its folder, with strict types.
	 */
	public function test_file_names_match_classes_and_namespaces(): void {
		foreach ( self::sources() as $path => $code ) {
			$this->assertStringContainsString( 'declare( strict_types=1 );', $code, $path );
			$dir       = dirname( $path );
			$namespace = 'AgenticWriter' . ( '.' === $dir ? '' : '\\' . str_replace( '/', '\\', $dir ) );
			$this->assertMatchesRegularExpression( '/^namespace ' . preg_quote( $namespace, '/' ) . ';$/m', $code, $path );
			$name = basename( $path, '.php' );
			$this->assertMatchesRegularExpression( '/^(final |abstract )?(class|interface|trait|enum) ' . preg_quote( $name, '/' ) . '\b/m', $code, $path );
		}
	}
}
