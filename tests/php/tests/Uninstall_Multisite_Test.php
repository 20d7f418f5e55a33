<?php
/**
 * Uninstall on a multisite network removes the plugin's data from every site.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use PHPUnit\Framework\TestCase;

/**
 * Builds a throwaway two-site network (SQLite, never served) beside the test sites, uses the
 * plugin on both sites, deletes it as Plugins → Delete does, and looks at what is left. Each
 * step runs in its own php process (tests/php/fixtures/multisite-site.php).
 */
final class Uninstall_Multisite_Test extends TestCase {

	/**
	 * The network's folder.
	 *
	 * @var string
	 */
	private string $dir = '';

	/**
	 * Removes the network.
	 */
	protected function tearDown(): void {
		if ( '' !== $this->dir && is_dir( $this->dir ) ) {
			exec( 'rm -rf ' . escapeshellarg( $this->dir ) );
		}
		parent::tearDown();
	}

	/**
	 * Options, transients (also of a provider no longer configured), shared state and the usage
	 * table go on both sites.
	 */
	public function test_uninstall_cleans_every_site_of_the_network(): void {
		$cache = dirname( (string) $GLOBALS['aw_test_site']['path'], 2 ) . '/cache';
		$this->assertDirectoryExists( $cache . '/wordpress', 'the runtime\'s WordPress copy (npm run wp -- up made it)' );
		$this->dir = sys_get_temp_dir() . '/aw-multisite-' . getmypid();

		$this->step( 'make', $cache . '/wordpress', $cache . '/sqlite-database-integration', (string) realpath( WP_PLUGIN_DIR . '/agentic-writer' ) );
		$this->step( 'network' );
		$this->step( 'use' );
		$before = json_decode( $this->step( 'inspect' ), true );
		$this->assertSame( array( '1', '2' ), array_map( 'strval', array_keys( $before ) ) );
		foreach ( $before as $site => $traces ) {
			$this->assertTrue( $traces['table'], "site {$site} has the usage table before" );
			$this->assertGreaterThanOrEqual( 6, count( $traces['options'] ), "site {$site} has options, state and transients before" );
		}

		$this->assertStringContainsString( 'uninstalled', $this->step( 'uninstall' ) );

		$after = json_decode( $this->step( 'inspect' ), true );
		$this->assertSame( array( '1', '2' ), array_map( 'strval', array_keys( $after ) ), 'both sites inspected after' );
		foreach ( $after as $site => $traces ) {
			$this->assertSame(
				array(
					'table'   => false,
					'options' => array(),
				),
				$traces,
				"site {$site}"
			);
		}
	}

	/**
	 * Runs one step of the fixture in its own process.
	 *
	 * @param string ...$args Step and its arguments after the folder.
	 * @return string Its output.
	 */
	private function step( string ...$args ): string {
		$step = array_shift( $args );
		$cmd  = array_merge( array( PHP_BINARY, dirname( __DIR__ ) . '/fixtures/multisite-site.php', $step, $this->dir ), $args );
		$proc = proc_open( $cmd, array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ), $pipes );
		$out  = (string) stream_get_contents( $pipes[1] );
		$err  = (string) stream_get_contents( $pipes[2] );
		$code = proc_close( $proc );
		$this->assertSame( 0, $code, "step {$step}: {$out}{$err}" );
		return $out;
	}
}
