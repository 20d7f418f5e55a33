<?php
/**
 * Load and faults: many generations at once, the local backend dying mid-stream, MariaDB
 * restarted under load.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Load;

use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Support\Parallel_Http;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;
use AgenticWriter\Tests\Support\Real_Local_Backend;
use AgenticWriter\Usage\Usage_Table;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';
require_once dirname( __DIR__ ) . '/Support/Parallel_Http.php';
require_once dirname( __DIR__ ) . '/Support/Real_Local_Backend.php';

/**
 * Everything on loopback: the test site, the mock upstream, a real local backend. Every loop is
 * bounded and every process started here is stopped here.
 */
final class Load_And_Faults_Test extends Provider_Http_Test_Case {

	private const GENERATE = '/agentic-writer/v1/generate';

	private const USERS = array( 'admin', 'editor', 'author', 'contributor' );

	/**
	 * The request id of a response: the `start` event of a stream, the body (answer or error).
	 *
	 * @param array<string,mixed> $r Parallel_Http result.
	 */
	private static function request_id_of( array $r ): string {
		foreach ( $r['events'] as $event ) {
			if ( 'start' === $event['type'] ) {
				return (string) $event['data']['request_id'];
			}
		}
		return (string) ( $r['json']['request_id'] ?? $r['json']['data']['request_id'] ?? '' );
	}

	/**
	 * Usage rows per request id, waiting (bounded) until each id has at least one.
	 *
	 * @param string[] $ids Request ids.
	 * @return array<string,int> Id => rows.
	 */
	private function rows_per_request( array $ids ): array {
		global $wpdb;
		$table    = Usage_Table::name();
		$holders  = implode( ', ', array_fill( 0, count( $ids ), '%s' ) );
		$deadline = microtime( true ) + 15;
		do {
			$wpdb->check_connection();
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$found = (array) $wpdb->get_results( $wpdb->prepare( "SELECT request_id, COUNT(*) AS n FROM {$table} WHERE request_id IN ({$holders}) GROUP BY request_id", $ids ), ARRAY_A );
			$rows  = array_fill_keys( $ids, 0 );
			foreach ( $found as $row ) {
				$rows[ $row['request_id'] ] = (int) $row['n'];
			}
			if ( ! in_array( 0, $rows, true ) ) {
				usleep( 200_000 ); // A duplicate would come with the same shutdown.
				break;
			}
			usleep( 100_000 );
		} while ( microtime( true ) < $deadline );
		return $rows;
	}

	/**
	 * Fifty generations at once (half streamed, half JSON, four users): each is answered, or
	 * refused with a JSON error (429 when its user has two running), none hangs or breaks off,
	 * and each has exactly one usage row.
	 */
	public function test_fifty_generations_at_once(): void {
		$start = microtime( true );
		$http  = new Parallel_Http();
		for ( $i = 0; $i < 50; $i++ ) {
			$stream = 0 === $i % 2;
			$http->add(
				"r{$i}",
				'POST',
				self::GENERATE,
				self::USERS[ $i % 4 ],
				array(
					'task'   => $stream ? 'writing' : 'chat',
					'prompt' => "Load {$i} [[mock:chunks=3,delay=20]]",
				),
				$stream,
				120
			);
		}
		$this->assertTrue( $http->run( null, 150 ), 'all 50 finished' );

		$statuses = array();
		$ids      = array();
		foreach ( $http->keys() as $key ) {
			$r = $http->result( $key );
			$this->assertSame( '', $r['error'], "{$key}: transport error" );
			$this->assertContains( $r['status'], array( 200, 429, 503 ), "{$key}: " . substr( $r['raw'], 0, 300 ) );
			$statuses[ $r['status'] ] = ( $statuses[ $r['status'] ] ?? 0 ) + 1;
			$streamed = 0 === (int) substr( $key, 1 ) % 2;
			if ( 200 === $r['status'] && $streamed ) {
				$this->assertNotSame( array(), $r['events'], "{$key}: a 200 stream with no events" );
				$this->assertSame( 'done', end( $r['events'] )['type'], "{$key} ended with done" );
				$this->assertTrue( end( $r['events'] )['data']['ok'], $key );
			} elseif ( 200 === $r['status'] ) {
				$this->assertIsArray( $r['json'], "{$key}: a JSON answer" );
				$this->assertStringContainsString( 'Load ' . substr( $key, 1 ), (string) ( $r['json']['text'] ?? '' ), $key );
			} else {
				$this->assertIsArray( $r['json'], "{$key}: a JSON error" );
				$this->assertStringStartsWith( 'agentic_writer_', $r['json']['code'], $key );
				$this->assertNotSame( '', $r['json']['message'], $key );
			}
			$ids[] = self::request_id_of( $r );
		}
		$this->assertCount( 50, array_unique( array_filter( $ids ) ), 'every response carries its own request id' );
		$this->assertGreaterThan( 0, $statuses[200] ?? 0 );
		$rows = $this->rows_per_request( $ids );
		$this->assertSame( array( 1 ), array_values( array_unique( $rows ) ), 'exactly one usage row each: ' . wp_json_encode( array_count_values( $rows ) ) . ' statuses ' . wp_json_encode( $statuses ) );
		$this->assertLessThan( 120, microtime( true ) - $start );
	}

	/**
	 * The real local backend (its CLI against the mock) killed mid-stream: the author gets an
	 * `error` event and `done`, and the request's row says it broke off.
	 */
	public function test_the_local_backend_killed_mid_stream(): void {
		$this->assertTrue( function_exists( 'posix_kill' ), 'the posix extension (php-cli has it)' );
		$backend = Real_Local_Backend::start( self::mock_url(), self::closed_port_url() );
		try {
			$this->configure(
				array(
					'routing'   => array( 'simple' => array( 'text' => 'local_backend' ) ),
					'providers' => array(
						'local_backend' => array(
							'base_url' => $backend->base_url,
							'api_key'  => $backend->key,
						),
					),
				)
			);

			$http = new Parallel_Http();
			$http->add( 'write', 'POST', self::GENERATE, 'author', array( 'task' => 'writing', 'prompt' => 'A long one [[mock:chunks=40,delay=150]]' ), true, 90 );
			$this->assertTrue( $http->run( static fn ( Parallel_Http $h ): bool => $h->has_event( 'write', 'delta' ), 60 ), 'a first delta: ' . $http->result( 'write' )['raw'] . (string) file_get_contents( $backend->log_file() ) );
			posix_kill( -$backend->pid, SIGKILL );
			$this->assertTrue( $http->run( null, 60 ) );
		} finally {
			$backend->stop();
		}

		$events = $http->result( 'write' )['events'];
		$types  = array_column( $events, 'type' );
		$this->assertSame( array( 'error', 'done' ), array_slice( $types, -2 ), implode( ', ', $types ) );
		$this->assertSame( 'delta', $types[1] );
		$error = $this->event( $events, 'error' );
		$this->assertSame( 'agentic_writer_stream_interrupted', $error['code'] );
		$this->assertTrue( $error['retryable'] );
		$this->assertFalse( $this->event( $events, 'done' )['ok'] );
		$rows = $this->usage_rows( (string) $this->event( $events, 'start' )['request_id'] );
		$this->assertCount( 1, $rows );
		$this->assertSame( array( 'local_backend', 'error', 'stream_interrupted' ), array( $rows[0]['provider'], $rows[0]['status'], $rows[0]['error_code'] ) );
	}

	/**
	 * MariaDB stopped while streams run and requests keep coming, then started again: every
	 * answer is whole or a clean error (JSON, or an `error` + `done` in a stream), nothing hangs,
	 * and the site serves again without PHP being restarted.
	 */
	public function test_mariadb_restarted_under_load(): void {
		if ( 'mariadb' !== Site::db_kind() ) {
			$this->markTestSkipped( 'MariaDB only (the SQLite site has no database server to restart).' );
		}
		$repo       = dirname( __DIR__, 4 );
		$pid_file   = $GLOBALS['aw_test_site']['path'] . '/server.pid';
		$php_before = (string) file_get_contents( $pid_file );

		$http = new Parallel_Http();
		foreach ( self::USERS as $i => $role ) {
			$http->add( "stream{$i}", 'POST', self::GENERATE, $role, array( 'task' => 'writing', 'prompt' => "Under load {$i} [[mock:chunks=20,delay=250]]" ), true, 90 );
		}
		$started = $http->run( static fn ( Parallel_Http $h ): bool => 4 === count( array_filter( $h->keys(), static fn ( string $k ): bool => $h->has_event( $k, 'delta' ) ) ), 30 );
		$this->assertTrue( $started, 'four streams under way' );

		exec( 'bash ' . escapeshellarg( $repo . '/scripts/wp.sh' ) . ' db-stop --db=mariadb 2>&1', $out, $code );
		$this->assertSame( 0, $code, implode( "\n", $out ) );
		$down = array();
		for ( $i = 0; $i < 3; $i++ ) {
			$down[] = $this->rest( 'POST', self::GENERATE, self::USERS[ $i ], array( 'task' => 'chat', 'prompt' => "While down {$i}" ) );
		}
		// The streams end while the database is away (longer than wpdb's 5 s of reconnecting).
		$http->run( null, 8 );
		exec( 'bash ' . escapeshellarg( $repo . '/scripts/wp.sh' ) . ' up --db=mariadb 2>&1', $out, $code );
		$this->assertSame( 0, $code, implode( "\n", $out ) );
		$this->assertTrue( $http->run( null, 90 ), 'the streams finished' );

		foreach ( $down as $i => $r ) {
			$this->assertSame( 500, $r['status'], "request {$i} while down: " . $r['body'] );
			$this->assertIsArray( $r['json'], "request {$i} while down: a JSON error" );
			$this->assertStringContainsString( 'database connection', $r['json']['message'] );
		}
		foreach ( $http->keys() as $key ) {
			$r = $http->result( $key );
			$this->assertSame( '', $r['error'], "{$key}: transport error" );
			$this->assertSame( 200, $r['status'], $key );
			$types = array_column( $r['events'], 'type' );
			$this->assertSame( 'done', end( $types ), "{$key} ended with done: " . implode( ', ', $types ) );
			// Whole (the database came back while wpdb was still reconnecting), or an error the
			// sidebar shows with Retry (it stayed away): never a silent cut.
			$last = array_slice( $r['events'], -2 );
			if ( 'usage' !== $last[0]['type'] ) {
				$this->assertSame( 'error', $last[0]['type'], $key );
				$this->assertSame( 'agentic_writer_site_unavailable', $last[0]['data']['code'], $key );
				$this->assertTrue( $last[0]['data']['retryable'], $key );
			}
			$this->assertSame( 'usage' === $last[0]['type'], $last[1]['data']['ok'], $key );
			foreach ( explode( "\n", $r['raw'] ) as $line ) {
				$this->assertMatchesRegularExpression( '/^(|:.*|event: \w+|data: \{.*\})$/', $line, "{$key}: only SSE in the stream (no error page, no JSON body)" );
			}
			$this->assertSame( 1, substr_count( $r['raw'], 'event: done' ), "{$key}: one done" );
			$tail = substr( $r['raw'], (int) strrpos( $r['raw'], 'event: done' ) );
			$this->assertSame( '', trim( substr( $tail, (int) strpos( $tail, "\n\n" ) ) ), "{$key}: nothing after done" );
		}

		// Served again by the same PHP processes.
		$deadline = microtime( true ) + 20;
		do {
			$again = $this->rest( 'POST', self::GENERATE, 'editor', array( 'task' => 'chat', 'prompt' => 'Back?' ) );
			if ( 200 === $again['status'] ) {
				break;
			}
			usleep( 250_000 );
		} while ( microtime( true ) < $deadline );
		$this->assertSame( 200, $again['status'], 'served again: ' . $again['body'] );
		$this->assertSame( $php_before, (string) file_get_contents( $pid_file ), 'PHP was not restarted' );
		$this->assertSame( array( 1 ), array_values( $this->rows_per_request( array( (string) $again['json']['request_id'] ) ) ) );
	}
}
