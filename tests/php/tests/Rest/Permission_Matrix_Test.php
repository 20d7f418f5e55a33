<?php
/**
 * The capability matrix: every route of the namespace × anonymous, subscriber, contributor,
 * author, editor, administrator → the status each gets.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Rest\Local_Backend_Download_Controller;
use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Real requests with application passwords (Cookie_Nonce_Test covers the browser's way in).
 */
final class Permission_Matrix_Test extends Provider_Http_Test_Case {

	/** Who asks, in the order of every expected-status row. */
	private const WHO = array( null, 'subscriber', 'contributor', 'author', 'editor', 'admin' );

	/**
	 * Attachments created by image calls.
	 *
	 * @var int[]
	 */
	private array $attachments = array();

	/**
	 * Deletes generated images.
	 */
	protected function tearDown(): void {
		foreach ( $this->attachments as $id ) {
			wp_delete_attachment( $id, true );
		}
		parent::tearDown();
	}

	/**
	 * Route, method, body and the expected status per role (anonymous, subscriber,
	 * contributor, author, editor, admin). Routes about one post are in
	 * test_post_routes_need_edit_rights_on_the_post.
	 *
	 * @return array<string,array{0:string,1:string,2:array<string,mixed>|null,3:int[]}>
	 */
	public static function routes(): array {
		$admin_only = array( 401, 403, 403, 403, 403, 200 );
		$writers    = array( 401, 403, 200, 200, 200, 200 );
		$zip        = is_readable( Local_Backend_Download_Controller::zip_path() ) ? 200 : 404;
		return array(
			'index'           => array( 'GET', '/agentic-writer/v1', null, array( 200, 200, 200, 200, 200, 200 ) ),
			'status'          => array( 'GET', '/agentic-writer/v1/status', null, $writers ),
			'generate'        => array(
				'POST',
				'/agentic-writer/v1/generate',
				array(
					'task'   => 'chat',
					'prompt' => 'Permission check',
				),
				$writers,
			),
			'generate forced' => array(
				'POST',
				'/agentic-writer/v1/generate',
				array(
					'task'     => 'chat',
					'prompt'   => 'Permission check',
					'provider' => 'anthropic',
				),
				array( 401, 403, 403, 403, 403, 200 ),
			),
			'image'           => array(
				'POST',
				'/agentic-writer/v1/image',
				array( 'prompt' => 'A red square' ),
				array( 401, 403, 403, 201, 201, 201 ),
			),
			'editor tasks'    => array( 'GET', '/agentic-writer/v1/editor/tasks', null, $writers ),
			'editor usage'    => array( 'GET', '/agentic-writer/v1/editor/usage', null, $writers ),
			'providers'       => array( 'GET', '/agentic-writer/v1/providers', null, $admin_only ),
			'provider test'   => array( 'POST', '/agentic-writer/v1/providers/openrouter/test', null, $admin_only ),
			// An unknown provider: the permission check runs first, so only the administrator learns it is unknown.
			'provider models' => array( 'GET', '/agentic-writer/v1/providers/nope/models', null, array( 401, 403, 403, 403, 403, 404 ) ),
			'backend status'  => array( 'GET', '/agentic-writer/v1/local-backend/status', null, $admin_only ),
			'settings read'   => array( 'GET', '/agentic-writer/v1/settings', null, $admin_only ),
			'settings update' => array( 'POST', '/agentic-writer/v1/settings', array( 'provider_mode' => 'hybrid' ), $admin_only ),
			'settings put'    => array( 'PUT', '/agentic-writer/v1/settings', array( 'provider_mode' => 'hybrid' ), $admin_only ),
			'settings patch'  => array( 'PATCH', '/agentic-writer/v1/settings', array( 'provider_mode' => 'hybrid' ), $admin_only ),
			'download'        => array( 'GET', '/agentic-writer/v1/local-backend/download', null, array( 401, 403, 403, 403, 403, $zip ) ),
			'usage summary'   => array( 'GET', '/agentic-writer/v1/usage/summary', null, $admin_only ),
			'usage series'    => array( 'GET', '/agentic-writer/v1/usage/timeseries', null, $admin_only ),
			'usage breakdown' => array( 'GET', '/agentic-writer/v1/usage/breakdown', null, $admin_only ),
			'usage events'    => array( 'GET', '/agentic-writer/v1/usage/events', null, $admin_only ),
			'usage export'    => array( 'GET', '/agentic-writer/v1/usage/export?from=2001-01-01&to=2001-01-01', null, $admin_only ),
			'usage ingest'    => array(
				'POST',
				'/agentic-writer/v1/usage/ingest',
				array(
					'source'  => 'permission-matrix',
					'records' => array(
						array(
							'request_id'        => 'permission-matrix-ingest',
							'created_at'        => '2001-01-01T00:00:00Z',
							'provider'          => 'proxy',
							'model'             => 'm',
							'task_type'         => 'chat',
							'tokens_prompt'     => 1,
							'tokens_completion' => 1,
							'cost_usd'          => 0,
						),
					),
				),
				$admin_only,
			),
			'ingest secret'   => array( 'POST', '/agentic-writer/v1/usage/ingest/secret', null, $admin_only ),
		);
	}

	/**
	 * Every role gets the expected status; refusals are agentic_writer_forbidden with a message.
	 *
	 * @dataProvider routes
	 * @param string                   $method   Method.
	 * @param string                   $route    Route.
	 * @param array<string,mixed>|null $body     Body.
	 * @param int[]                    $expected Status per role.
	 */
	public function test_roles( string $method, string $route, ?array $body, array $expected ): void {
		foreach ( self::WHO as $i => $role ) {
			$response = $this->rest( $method, $route, $role, $body );
			$who      = $role ?? 'anonymous';
			$this->assertSame( $expected[ $i ], $response['status'], "{$who} {$method} {$route}: " . substr( $response['body'], 0, 300 ) );
			if ( in_array( $response['status'], array( 401, 403 ), true ) ) {
				$this->assertSame( 'agentic_writer_forbidden', $response['json']['code'], $who );
				$this->assertNotSame( '', $response['json']['message'] );
			}
			if ( 201 === $response['status'] && isset( $response['json']['attachment_id'] ) ) {
				$this->attachments[] = (int) $response['json']['attachment_id'];
			}
		}
	}

	/**
	 * The matrix covers every route and method the namespace has: a new route cannot ship
	 * without its row here.
	 */
	public function test_every_route_is_in_the_matrix(): void {
		$registered = array();
		foreach ( rest_get_server()->get_routes( 'agentic-writer/v1' ) as $route => $handlers ) {
			foreach ( $handlers as $handler ) {
				foreach ( array_keys( (array) ( $handler['methods'] ?? array() ) ) as $method ) {
					$registered[] = $method . ' ' . preg_replace( '/\(\?P<(\w+)>[^)]*\)/', '{$1}', $route );
				}
			}
		}
		$covered = array( 'GET /agentic-writer/v1/chat/{post_id}', 'POST /agentic-writer/v1/chat/{post_id}', 'DELETE /agentic-writer/v1/chat/{post_id}' );
		foreach ( self::routes() as [ $method, $route ] ) {
			$covered[] = $method . ' ' . preg_replace( '#/providers/[^/]+/(test|models)$#', '/providers/{id}/$1', (string) strtok( $route, '?' ) );
		}
		sort( $registered );
		$covered = array_values( array_unique( $covered ) );
		sort( $covered );
		$this->assertSame( $registered, $covered );
	}

	/**
	 * Generation for a post needs the right to edit that post.
	 */
	public function test_generation_for_a_post_needs_edit_rights_on_it(): void {
		$post_id = wp_insert_post(
			array(
				'post_title'  => 'Admin post',
				'post_status' => 'publish',
				'post_author' => Site::user( 'admin' )->ID,
			)
		);
		try {
			$body = array(
				'task'    => 'chat',
				'prompt'  => 'For a post',
				'post_id' => $post_id,
			);
			foreach ( array( 'contributor', 'author' ) as $role ) {
				$response = $this->rest( 'POST', '/agentic-writer/v1/generate', $role, $body );
				$this->assertSame( 403, $response['status'], $role );
				$this->assertSame( 'agentic_writer_forbidden', $response['json']['code'] );
			}
			$this->assertSame( 200, $this->rest( 'POST', '/agentic-writer/v1/generate', 'editor', $body )['status'] );
			$missing = $this->rest( 'POST', '/agentic-writer/v1/generate', 'editor', array( 'post_id' => 99999999 ) + $body );
			$this->assertSame( 404, $missing['status'] );
			$this->assertSame( 'agentic_writer_post_not_found', $missing['json']['code'] );
		} finally {
			wp_delete_post( $post_id, true );
		}
	}

	/**
	 * Chat history and a post's usage: the post's editors only (a contributor's own draft is
	 * theirs, an author's own post is theirs, an administrator's post is neither's).
	 */
	public function test_post_routes_need_edit_rights_on_the_post(): void {
		$post = static fn ( string $role, string $status ): int => (int) wp_insert_post(
			array(
				'post_title'  => "A {$role}'s post",
				'post_status' => $status,
				'post_author' => Site::user( $role )->ID,
			)
		);
		Site::credentials( 'author' );
		$own    = $post( 'contributor', 'draft' );
		$author = $post( 'author', 'publish' );
		$admin  = $post( 'admin', 'publish' );
		$routes = static fn ( int $id ): array => array(
			array( 'GET', "/agentic-writer/v1/chat/{$id}", null ),
			array(
				'POST',
				"/agentic-writer/v1/chat/{$id}",
				array(
					'messages' => array(
						array(
							'role'    => 'user',
							'content' => 'Permission check',
						),
					),
				),
			),
			array( 'DELETE', "/agentic-writer/v1/chat/{$id}", null ),
			array( 'GET', "/agentic-writer/v1/editor/usage?post_id={$id}", null ),
		);
		$expected = array(
			$own    => array( 401, 403, 200, 403, 200, 200 ),
			$author => array( 401, 403, 403, 200, 200, 200 ),
			$admin  => array( 401, 403, 403, 403, 200, 200 ),
		);
		try {
			foreach ( $expected as $post_id => $statuses ) {
				foreach ( $routes( $post_id ) as [ $method, $route, $body ] ) {
					foreach ( self::WHO as $i => $role ) {
						$response = $this->rest( $method, $route, $role, $body );
						$who      = $role ?? 'anonymous';
						$this->assertSame( $statuses[ $i ], $response['status'], "{$who} {$method} {$route}: {$response['body']}" );
						if ( $response['status'] >= 400 ) {
							$this->assertSame( 'agentic_writer_forbidden', $response['json']['code'], $who );
						}
					}
				}
			}
		} finally {
			foreach ( array_keys( $expected ) as $id ) {
				wp_delete_post( $id, true );
			}
		}
	}
}
