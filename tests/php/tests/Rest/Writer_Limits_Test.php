<?php
/**
 * What a writer (not the site owner) can spend: no choice of provider or model, sizes that fit
 * real posts, a few generations at once.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Generation\Concurrency_Limit;
use AgenticWriter\Storage\Shared_State;
use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Support\Parallel_Http;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';
require_once dirname( __DIR__ ) . '/Support/Parallel_Http.php';

/**
 * Real requests to the running site, the mock upstream behind it.
 */
final class Writer_Limits_Test extends Provider_Http_Test_Case {

	private const GENERATE = '/agentic-writer/v1/generate';

	/**
	 * Forcing a provider or a model is the administrator's; everyone else gets a 403 that says
	 * why, on generate and on image.
	 */
	public function test_only_administrators_choose_provider_or_model(): void {
		$chat = array(
			'task'   => 'chat',
			'prompt' => 'Which provider?',
		);
		foreach ( array( 'contributor', 'editor' ) as $role ) {
			foreach ( array( array( 'provider' => 'anthropic' ), array( 'model' => 'openai/gpt-4o' ) ) as $forced ) {
				$response = $this->rest( 'POST', self::GENERATE, $role, $chat + $forced );
				$field    = (string) array_key_first( $forced );
				$this->assertSame( 403, $response['status'], "{$role} forcing {$field}: {$response['body']}" );
				$this->assertSame( 'agentic_writer_forbidden', $response['json']['code'] );
				$this->assertSame( $field, $response['json']['data']['field'] );
				$this->assertStringContainsString( 'Only administrators', $response['json']['message'] );
			}
		}
		$image = $this->rest( 'POST', '/agentic-writer/v1/image', 'editor', array( 'prompt' => 'A square', 'model' => 'openai/gpt-4o' ) );
		$this->assertSame( 403, $image['status'], $image['body'] );
		$this->assertSame( 'model', $image['json']['data']['field'] );
		$this->assertSame( array(), $this->mock_requests(), 'refused requests never reach the upstream' );

		$this->assertSame( 200, $this->rest( 'POST', self::GENERATE, 'contributor', $chat )['status'], 'the same request without forcing' );
		$admin = $this->rest( 'POST', self::GENERATE, 'admin', $chat + array( 'provider' => 'anthropic', 'model' => 'claude-haiku-4-5' ) );
		$this->assertSame( 200, $admin['status'], $admin['body'] );
		$this->assertSame( array( 'anthropic', 'claude-haiku-4-5' ), array( $admin['json']['provider'], $admin['json']['model'] ) );
	}

	/**
	 * A long post fits (Write's composed prompt, a whole post selected for Refine, twenty long
	 * chat turns); past the limits a 400 names the field, before any upstream call.
	 */
	public function test_size_limits_fit_real_posts_and_name_the_field(): void {
		$turns = array();
		for ( $i = 0; $i < 20; $i++ ) {
			$turns[] = array(
				'role'    => 0 === $i % 2 ? 'user' : 'assistant',
				'content' => str_repeat( 'Turn text. ', 900 ), // 9,900 characters, 198,000 in all.
			);
		}
		$fits = array(
			'write'  => array(
				'task'   => 'writing',
				'prompt' => str_repeat( 'Brief, answers and outline. ', 3000 ), // 84,000.
			),
			'refine' => array(
				'task'      => 'refinement',
				'prompt'    => 'Tighten it',
				'selection' => str_repeat( '<p>A paragraph of a long post.</p>', 4500 ), // 153,000.
			),
			'chat'   => array(
				'task'     => 'chat',
				'prompt'   => 'And now?',
				'messages' => $turns,
			),
		);
		foreach ( $fits as $name => $body ) {
			$response = $this->rest( 'POST', self::GENERATE, 'contributor', $body );
			$this->assertSame( 200, $response['status'], $name . ': ' . substr( $response['body'], 0, 300 ) );
		}

		$this->mock( 'POST', '/__mock/reset' );
		$one      = array(
			'role'    => 'user',
			'content' => 'Hi',
		);
		$too_much = array(
			'prompt'         => array( 'prompt', array( 'task' => 'writing', 'prompt' => str_repeat( 'x', 100001 ) ) ),
			'selection'      => array( 'selection', array( 'task' => 'refinement', 'prompt' => 'Tighten', 'selection' => str_repeat( 'x', 200001 ) ) ),
			'51 turns'       => array( 'messages', array( 'task' => 'chat', 'prompt' => 'Hi', 'messages' => array_fill( 0, 51, $one ) ) ),
			'a huge turn'    => array( 'messages[0][content]', array( 'task' => 'chat', 'messages' => array( array( 'role' => 'user', 'content' => str_repeat( 'x', 100001 ) ) ) ) ),
			'turns in total' => array( 'messages', array( 'task' => 'chat', 'prompt' => 'Hi', 'messages' => array_fill( 0, 3, array( 'role' => 'user', 'content' => str_repeat( 'x', 90000 ) ) ) ) ),
			'~20 MB'         => array( 'messages', array( 'task' => 'chat', 'prompt' => 'Hi', 'messages' => array_fill( 0, 200, array( 'role' => 'user', 'content' => str_repeat( 'x', 100000 ) ) ) ) ),
		);
		foreach ( $too_much as $name => [ $field, $body ] ) {
			$response = $this->rest( 'POST', self::GENERATE, 'contributor', $body );
			$this->assertSame( 400, $response['status'], $name . ': ' . substr( $response['body'], 0, 300 ) );
			$this->assertSame( 'agentic_writer_invalid_param', $response['json']['code'], $name );
			$this->assertSame( $field, $response['json']['data']['field'], $name );
		}
		$this->assertSame( array(), $this->mock_requests(), 'refused requests never reach the upstream' );
	}

	/**
	 * Two streams per user at once: a third request gets a 429 with Retry-After and a message,
	 * another user is not affected, and the slots come back when the streams end.
	 */
	public function test_two_generations_at_once_per_user(): void {
		$slow = array(
			'task'   => 'writing',
			'prompt' => 'Slow one [[mock:ttft=2500,chunks=2]]',
		);
		// One after the other: a php -S worker that accepts two connections at once serves them in turn.
		$http = new Parallel_Http();
		foreach ( array( 'a', 'b' ) as $key ) {
			$http->add( $key, 'POST', self::GENERATE, 'contributor', $slow, true );
			$started = $http->run( static fn ( Parallel_Http $h ): bool => $h->has_event( $key, 'start' ), 20 );
			$this->assertTrue( $started, "stream {$key} started: " . $http->result( $key )['raw'] );
		}

		$third = $this->rest( 'POST', self::GENERATE, 'contributor', array( 'task' => 'chat', 'prompt' => 'One more' ) );
		$other = $this->rest( 'POST', self::GENERATE, 'editor', array( 'task' => 'chat', 'prompt' => 'Someone else' ) );

		$this->assertSame( 429, $third['status'], $third['body'] );
		$this->assertSame( 'agentic_writer_too_many_requests', $third['json']['code'] );
		$this->assertStringContainsString( 'Wait for one to finish', $third['json']['message'] );
		$this->assertTrue( $third['json']['data']['retryable'] );
		$this->assertMatchesRegularExpression( '/^[1-5]$/', $third['headers']['retry-after'] ?? '' );
		$this->assertSame( 200, $other['status'], 'the limit is per user: ' . $other['body'] );
		$refused = $this->usage_rows( (string) $third['json']['data']['request_id'] );
		$this->assertCount( 1, $refused, 'a refusal is recorded too' );
		$this->assertSame( array( 'error', 'too_many_requests', (string) Site::user( 'contributor' )->ID ), array( $refused[0]['status'], $refused[0]['error_code'], (string) $refused[0]['user_id'] ) );

		$http->run( null, 20 );
		foreach ( array( 'a', 'b' ) as $key ) {
			$this->assertSame( array( 'start', 'delta', 'delta', 'usage', 'done' ), array_column( $http->result( $key )['events'], 'type' ), $key );
		}
		$after = $this->rest( 'POST', self::GENERATE, 'contributor', array( 'task' => 'chat', 'prompt' => 'Now?' ) );
		$this->assertSame( 200, $after['status'], 'slots given back when the streams ended: ' . $after['body'] );
	}

	/**
	 * A browser that goes away mid-stream (Stop, a closed tab) gives its slot back.
	 */
	public function test_a_closed_connection_gives_its_slot_back(): void {
		$long = array(
			'task'   => 'writing',
			'prompt' => 'Long [[mock:chunks=40,delay=100]]',
		);
		foreach ( array( 1, 2 ) as $i ) {
			$out = $this->sse( $long, 'contributor', 1 );
			$this->assertSame( 'delta', end( $out['events'] )['type'], "stream {$i} hung up after its first delta" );
		}
		// The server notices at its next write (within one chunk delay) and gives the slot back.
		$deadline = microtime( true ) + 5;
		do {
			usleep( 150_000 );
			$next = $this->rest( 'POST', self::GENERATE, 'contributor', array( 'task' => 'chat', 'prompt' => 'Still there?' ) );
		} while ( 429 === $next['status'] && microtime( true ) < $deadline );
		$this->assertSame( 200, $next['status'], $next['body'] );
	}

	/**
	 * A PHP worker killed mid-request never gives its slot back: its lease runs out instead.
	 * Leases still running keep the slot taken.
	 */
	public function test_a_dead_workers_slot_runs_out(): void {
		$state = Shared_State::for_site();
		$user  = Site::user( 'contributor' )->ID;
		try {
			foreach ( array( 0, 1 ) as $slot ) {
				$this->assertNotNull( $state->claim( Concurrency_Limit::key( $user, $slot ), 60 ) );
			}
			$held = $this->rest( 'POST', self::GENERATE, 'contributor', array( 'task' => 'chat', 'prompt' => 'Busy?' ) );
			$this->assertSame( 429, $held['status'], 'live leases hold their slots' );

			$state->delete( array( Concurrency_Limit::key( $user, 1 ) ) );
			$this->assertNotNull( $state->claim( Concurrency_Limit::key( $user, 1 ), 1 ) );
			usleep( 1_100_000 );
			$expired = $this->rest( 'POST', self::GENERATE, 'contributor', array( 'task' => 'chat', 'prompt' => 'Free now?' ) );
			$this->assertSame( 200, $expired['status'], 'an expired lease frees its slot: ' . $expired['body'] );
		} finally {
			$state->delete( array( Concurrency_Limit::key( $user, 0 ), Concurrency_Limit::key( $user, 1 ) ) );
		}
	}
}
