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

	/**
	 * Small files: none in plugin/src over 300 lines.
	 */
	public function test_no_source_file_is_over_300_lines(): void {
		$long = array();
		foreach ( self::sources() as $path => $code ) {
			$lines = substr_count( $code, "\n" );
			if ( $lines > 300 ) {
				$long[ $path ] = $lines;
			}
		}
		$this->assertSame( array(), $long );
	}

	/**
	 * Which top-level namespaces each one uses (`use AgenticWriter\X\…` and fully qualified
	 * names). The root files (Plugin, Uninstaller: the wiring) count as `(root)`.
	 *
	 * @return array<string, string[]>
	 */
	private static function namespace_graph(): array {
		$graph = array();
		foreach ( self::sources() as $path => $code ) {
			$from = str_contains( $path, '/' ) ? strstr( $path, '/', true ) : '(root)';
			preg_match_all( '/\\\\?AgenticWriter\\\\(\w+)\\\\\w/', $code, $m );
			preg_match_all( '/^use AgenticWriter\\\\(\w+);$/m', $code, $root_uses );
			$to = array_merge( $m[1], array_map( static fn (): string => '(root)', $root_uses[1] ) );
			$graph[ $from ] = array_values( array_unique( array_merge( $graph[ $from ] ?? array(), array_diff( $to, array( $from ) ) ) ) );
		}
		return $graph;
	}

	/**
	 * The graph is the shape the graph check relies on (so an empty graph cannot pass it).
	 */
	public function test_namespace_graph_sees_the_layers(): void {
		$graph = self::namespace_graph();
		$this->assertContains( 'Providers', $graph['Settings'] );
		$this->assertContains( 'Settings', $graph['Routing'] );
		$this->assertContains( 'Rest', $graph['(root)'] );
	}

	/**
	 * No namespace depends on itself through others: each layer can be read, tested and changed
	 * without the ones above it.
	 */
	public function test_namespaces_do_not_depend_in_a_circle(): void {
		$graph  = self::namespace_graph();
		$cycles = array();
		foreach ( array_keys( $graph ) as $start ) {
			$stack = array( array( $start, array( $start ) ) );
			while ( $stack ) {
				list( $node, $path ) = array_pop( $stack );
				foreach ( $graph[ $node ] ?? array() as $next ) {
					if ( $next === $start ) {
						$cycle            = array_merge( $path, array( $start ) );
						$cycles[ $start ] = implode( ' -> ', $cycle );
					} elseif ( ! in_array( $next, $path, true ) ) {
						$stack[] = array( $next, array_merge( $path, array( $next ) ) );
					}
				}
			}
		}
		$this->assertSame( array(), $cycles );
	}
}
