<?php
/**
 * POST generate through WordPress: every provider streamed and not, tasks, post context.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Real requests to the running site, the mock upstream behind it.
 */
final class Generate_Route_Test extends Provider_Http_Test_Case {

	/**
	 * Provider id, expected model in the answer, cost kind.
	 *
	 * @return array<string,array{0:string,1:string,2:string}>
	 */
	public function providers(): array {
		return array(
			'openrouter'        => array( 'openrouter', 'openai/gpt-4o-mini', 'metered' ),
			'local_backend'     => array( 'local_backend', 'sonnet', 'local' ),
			'anthropic'         => array( 'anthropic', 'claude-sonnet-4-5', 'estimated' ),
			'openai_compatible' => array( 'openai_compatible:lab', 'gpt-4o-mini', 'local' ),
		);
	}

	/**
	 * JSON answer in the contract's shape, and one usage row. The routing settings pick the
	 * provider (only administrators may force one).
	 *
	 * @dataProvider providers
	 * @param string $id    Provider.
	 * @param string $model Model.
	 * @param string $kind  Cost kind.
	 */
	public function test_json_answer( string $id, string $model, string $kind ): void {
		$this->configure( array( 'routing' => array( 'simple' => array( 'text' => $id ) ) ) );
		$response = $this->rest(
			'POST',
			'/agentic-writer/v1/generate',
			'editor',
			array(
				'task'   => 'chat',
				'prompt' => 'Plain answer please',
			)
		);
		$this->assertSame( 200, $response['status'], $response['body'] );
		$body = $response['json'];
		$this->assertSame( array( 'request_id', 'text', 'provider', 'model', 'usage', 'fallbacks' ), array_keys( $body ) );
		$this->assertSame( $id, $body['provider'] );
		$this->assertSame( $model, $body['model'] );
		$this->assertStringContainsString( 'Plain answer please', $body['text'] );
		$this->assertSame( array( 'tokens_prompt', 'tokens_completion', 'cost_usd', 'cost_kind' ), array_keys( $body['usage'] ) );
		$this->assertSame( $kind, $body['usage']['cost_kind'] );
		$this->assertSame( array(), $body['fallbacks'] );
		$rows = $this->usage_rows( $body['request_id'] );
		$this->assertCount( 1, $rows );
		$this->assertSame( array( $id, 'ok', 'chat', (string) Site::user( 'editor' )->ID, 'plugin' ), array( $rows[0]['provider'], $rows[0]['status'], $rows[0]['task_type'], (string) $rows[0]['user_id'], $rows[0]['source'] ) );
		$this->assertSame( $body['usage']['tokens_prompt'] + $body['usage']['tokens_completion'], (int) $rows[0]['tokens_total'] );
	}

	/**
	 * SSE: headers, start → delta… → usage → done, deltas adding up.
	 *
	 * @dataProvider providers
	 * @param string $id    Provider.
	 * @param string $model Model.
	 * @param string $kind  Cost kind.
	 */
	public function test_stream( string $id, string $model, string $kind ): void {
		$this->configure( array( 'routing' => array( 'simple' => array( 'text' => $id ) ) ) );
		$out = $this->sse(
			array(
				'task'   => 'writing',
				'prompt' => 'Stream please [[mock:chunks=4,delay=5]]',
			),
			'contributor'
		);
		$this->assertSame( 200, $out['status'] );
		$this->assertStringStartsWith( 'text/event-stream', $out['headers']['content-type'] );
		$this->assertSame( 'no', $out['headers']['x-accel-buffering'] );
		$this->assertSame( array( 'start', 'delta', 'delta', 'delta', 'delta', 'usage', 'done' ), self::types( $out['events'] ) );
		$start = $this->event( $out['events'], 'start' );
		$this->assertSame( $id, $start['provider'] );
		$this->assertSame( $model, $start['model'] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f-]{36}$/', $start['request_id'] );
		$this->assertStringContainsString( 'Stream please', self::text_of( $out['events'] ) );
		$usage = $this->event( $out['events'], 'usage' );
		$this->assertSame( $kind, $usage['cost_kind'] );
		$this->assertGreaterThan( 0, $usage['tokens_completion'] );
		$done = $this->event( $out['events'], 'done' );
		$this->assertTrue( $done['ok'] );
		$rows = $this->usage_rows( $start['request_id'] );
		$this->assertCount( 1, $rows );
		$this->assertSame( 'ok', $rows[0]['status'] );
		$this->assertNotNull( $rows[0]['ttft_ms'] );
	}

	/**
	 * Deltas reach the browser while the upstream is still writing.
	 */
	public function test_stream_is_incremental(): void {
		$out    = $this->sse(
			array(
				'task'   => 'writing',
				'prompt' => 'Slowly [[mock:chunks=3,delay=150]]',
			)
		);
		$deltas = array_values( array_filter( $out['events'], static fn ( array $e ): bool => 'delta' === $e['type'] ) );
		$done   = $this->event( $out['events'], 'done' );
		$this->assertCount( 3, $deltas );
		$last = end( $out['events'] );
		$this->assertTrue( $done['ok'] );
		$this->assertGreaterThan( 200, $last['ms'] - $deltas[0]['ms'], 'the first delta arrived long before the end' );
	}

	/**
	 * A long wait for the first token is bridged with SSE comments, so proxies keep the
	 * connection open.
	 */
	public function test_keep_alive_comments_during_long_waits(): void {
		$out = $this->sse(
			array(
				'task'   => 'writing',
				'prompt' => 'Think first [[mock:ttft=3500,chunks=1]]',
			)
		);
		$this->assertSame( array( 'start', 'delta', 'usage', 'done' ), self::types( $out['events'] ) );
		$before_delta = substr( $out['raw'], 0, (int) strpos( $out['raw'], 'event: delta' ) );
		$this->assertStringContainsString( ": keep-alive\n\n", $before_delta );
	}

	/**
	 * Clarity and planning parse and validate JSON: the mock answers them the way the task
	 * prompt asks, so the structured answer comes back.
	 */
	public function test_structured_tasks_validate_the_answer(): void {
		foreach ( array( 'clarity', 'planning' ) as $task ) {
			$response = $this->rest(
				'POST',
				'/agentic-writer/v1/generate',
				'admin',
				array(
					'task'   => $task,
					'prompt' => 'A post about bees',
				)
			);
			$this->assertSame( 200, $response['status'], $response['body'] );
			$body = $response['json'];
			$this->assertJson( $body['text'], $task );
			$this->assertNull( $body['structured_error'], $task );
			$this->assertIsArray( $body['structured'], $task );
			$list = 'clarity' === $task ? $body['structured']['questions'] : $body['structured']['sections'];
			$this->assertCount( 4, $list, $task );
			if ( 'planning' === $task ) {
				$this->assertNotSame( '', $body['structured']['title'] );
				$this->assertNotSame( '', $list[0]['heading'] );
			} else {
				$this->assertStringContainsString( 'bees', $list[0]['question'] );
			}
			$sent = $this->mock_requests( '/api/v1/chat/completions' );
			$this->assertStringContainsString( 'JSON only', end( $sent )['body']['messages'][0]['content'], $task );
		}
	}

	/**
	 * JSON of the wrong shape is not passed off as structured: the error says so and the text
	 * comes back as it came (`reply=generic` makes the mock answer `{"mock":true,…}`).
	 */
	public function test_structured_tasks_report_a_mismatching_answer(): void {
		foreach ( array( 'clarity', 'planning' ) as $task ) {
			$body = $this->rest(
				'POST',
				'/agentic-writer/v1/generate',
				'admin',
				array(
					'task'   => $task,
					'prompt' => 'A post about bees [[mock:reply=generic]]',
				)
			)['json'];
			$this->assertJson( $body['text'], $task );
			$this->assertTrue( json_decode( $body['text'], true )['mock'], $task );
			$this->assertNull( $body['structured'], $task );
			$this->assertStringContainsString( 'does not match the expected shape', $body['structured_error'], $task );
		}
	}

	/**
	 * Refinement sends selection and instruction; the post's title and content go along.
	 */
	public function test_refinement_with_post_context(): void {
		$post_id = wp_insert_post(
			array(
				'post_title'   => 'Beekeeping in winter',
				'post_content' => '<!-- wp:paragraph --><p>Bees cluster to keep warm.</p><!-- /wp:paragraph -->',
				'post_status'  => 'draft',
				'post_author'  => Site::user( 'editor' )->ID,
			)
		);
		try {
			$response = $this->rest(
				'POST',
				'/agentic-writer/v1/generate',
				'editor',
				array(
					'task'      => 'refinement',
					'prompt'    => 'Make it livelier',
					'selection' => 'Bees cluster to keep warm.',
					'post_id'   => $post_id,
				)
			);
			$this->assertSame( 200, $response['status'], $response['body'] );
			$sent     = $this->mock_requests( '/api/v1/chat/completions' )[0]['body'];
			$system   = $sent['messages'][0]['content'];
			$user     = end( $sent['messages'] )['content'];
			$this->assertSame( 'system', $sent['messages'][0]['role'] );
			$this->assertStringContainsString( 'rewrite the selected text', $system );
			$this->assertStringContainsString( 'Title: Beekeeping in winter', $system );
			$this->assertStringContainsString( 'Bees cluster to keep warm.', $system );
			$this->assertStringContainsString( 'Instruction: Make it livelier', $user );
			$this->assertStringContainsString( "<<<\nBees cluster to keep warm.\n>>>", $user );
			$rows = $this->usage_rows( $response['json']['request_id'] );
			$this->assertSame( (string) $post_id, (string) $rows[0]['post_id'] );
			$this->assertSame( 'refinement', $rows[0]['task_type'] );
		} finally {
			wp_delete_post( $post_id, true );
		}
	}

	/**
	 * Conversation turns go upstream in order; OpenRouter gets its attribution headers and
	 * normalized model names.
	 */
	public function test_messages_headers_and_model_names(): void {
		$response = $this->rest(
			'POST',
			'/agentic-writer/v1/generate',
			'admin',
			array(
				'task'     => 'chat',
				'prompt'   => 'Third turn',
				'model'    => 'gpt-4o',
				'messages' => array(
					array(
						'role'    => 'user',
						'content' => 'First turn',
					),
					array(
						'role'    => 'assistant',
						'content' => 'Second turn',
					),
				),
			)
		);
		$this->assertSame( 200, $response['status'], $response['body'] );
		$this->assertSame( 'openai/gpt-4o', $response['json']['model'] );
		$sent = $this->mock_requests( '/api/v1/chat/completions' )[0];
		$this->assertSame( array( 'system', 'user', 'assistant', 'user' ), array_column( $sent['body']['messages'], 'role' ) );
		$this->assertSame( 'openai/gpt-4o', $sent['body']['model'] );
		$this->assertSame( 'Agentic Writer', $sent['headers']['x-title'] );
		$this->assertSame( Site::url() . '/', $sent['headers']['http-referer'] );
	}

	/**
	 * With no provider configured, the error says what to do.
	 */
	public function test_nothing_configured_says_what_to_do(): void {
		$this->configure( array(), true );
		$response = $this->rest(
			'POST',
			'/agentic-writer/v1/generate',
			'admin',
			array(
				'task'   => 'chat',
				'prompt' => 'Anyone?',
			)
		);
		$this->assertSame( 503, $response['status'] );
		$this->assertSame( 'agentic_writer_no_provider', $response['json']['code'] );
		$this->assertStringContainsString( 'OpenRouter key', $response['json']['message'] );
	}
}
