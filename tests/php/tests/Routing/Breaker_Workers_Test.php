<?php
/**
 * The circuit breaker with several real PHP processes acting on it at the same moment.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Routing;

use AgenticWriter\Routing\Circuit_Breaker;
use AgenticWriter\Storage\Shared_State;
use AgenticWriter\Tests\Test_Case;

/**
 * Each worker is its own `php` process that loaded WordPress (and its options snapshot) before
 * the common start time, as php -S or PHP-FPM workers serving requests in parallel do.
 */
final class Breaker_Workers_Test extends Test_Case {

	/** The workers are other connections: they must see committed rows. */
	protected bool $use_transaction = false;

	private const WORKERS = 4;

	/**
	 * Provider id of this test (never a real one).
	 *
	 * @var string
	 */
	private string $id = '';

	/**
	 * A fresh id per test.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->id = 'openai_compatible:workers-' . substr( md5( (string) microtime( true ) ), 0, 8 );
	}

	/**
	 * Leaves no state behind.
	 */
	protected function tearDown(): void {
		( new Circuit_Breaker() )->forget( $this->id );
		parent::tearDown();
	}

	/**
	 * Four workers fail fifteen times each, all at once: sixty failures counted, and the breaker
	 * (threshold sixty) is open. A read-modify-write of a shared value loses some of them.
	 */
	public function test_every_failure_from_parallel_workers_is_counted(): void {
		$this->run_workers( 'fail', 15, 60, 30 );

		$snapshot = ( new Circuit_Breaker( 60, 30 ) )->snapshot( $this->id );
		$this->assertSame( self::WORKERS * 15, $snapshot['failures'], 'every failure counted' );
		$this->assertSame( 'open', $snapshot['state'] );
	}

	/**
	 * Half-open: four workers ask at the same moment; exactly one gets the probe. The breaker
	 * is opened a minute in the past (its stored opening time), so with a 30 s cool-down it is
	 * half-open however slowly the workers start, and the probe's lease outlasts the test.
	 */
	public function test_one_worker_claims_the_half_open_probe(): void {
		$state = Shared_State::for_site();
		$state->set( 'breaker_' . md5( $this->id ) . '_failures', '1' );
		$state->set( 'breaker_' . md5( $this->id ) . '_opened', sprintf( '%.6F', microtime( true ) - 60 ) );
		$breaker = new Circuit_Breaker( 1, 30 );
		$this->assertSame( 'half_open', $breaker->state( $this->id ) );
		$this->assertFalse( $breaker->blocks( $this->id ), 'a probe may go' );

		$allowed = $this->run_workers( 'probe', 1, 1, 30 );

		$this->assertSame( 1, array_sum( $allowed ), 'one probe in all: ' . wp_json_encode( $allowed ) );
		$this->assertTrue( $breaker->blocks( $this->id ), 'the probe is out' );
	}

	/**
	 * Runs the workers together and returns each one's count of allowed calls.
	 *
	 * @param string $op        fail or probe.
	 * @param int    $count     Operations per worker.
	 * @param int    $threshold Breaker threshold.
	 * @param int    $cooldown  Breaker cool-down.
	 * @return int[]
	 */
	private function run_workers( string $op, int $count, int $threshold, int $cooldown ): array {
		$site  = $GLOBALS['aw_test_site'];
		$host  = wp_parse_url( $site['url'], PHP_URL_HOST ) . ':' . wp_parse_url( $site['url'], PHP_URL_PORT );
		$start = microtime( true ) + 1.5; // Time for every worker to load WordPress first.
		$procs = array();
		for ( $i = 0; $i < self::WORKERS; $i++ ) {
			$cmd     = array( PHP_BINARY, dirname( __DIR__, 2 ) . '/fixtures/breaker-worker.php', $site['path'], $host, $this->id, $op, (string) $count, (string) $threshold, (string) $cooldown, sprintf( '%.6F', $start ) );
			$pipes   = array();
			$procs[] = array( proc_open( $cmd, array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ), $pipes ), $pipes );
		}
		$allowed = array();
		foreach ( $procs as [ $proc, $pipes ] ) {
			$out  = (string) stream_get_contents( $pipes[1] );
			$err  = (string) stream_get_contents( $pipes[2] );
			$code = proc_close( $proc );
			$this->assertSame( 0, $code, $out . $err );
			$allowed[] = (int) ( json_decode( $out, true )['allowed'] ?? -1 );
		}
		$this->assertLessThan( 20, microtime( true ) - $start, 'workers finished' );
		return $allowed;
	}
}
