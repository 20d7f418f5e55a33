<?php
/**
 * Who may call which route.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Anonymous, subscriber, contributor, editor and administrator against every route.
 */
final class Permission_Matrix_Test extends Provider_Http_Test_Case {

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
	 * contributor, editor, admin).
	 *
	 * @return array<string,array{0:string,1:string,2:array<string,mixed>|null,3:int[]}>
	 */
	public function routes(): array {
		$admin_only = array( 401, 403, 403, 403, 200 );
		return array(
			'generate'        => array(
				'POST',
				'/agentic-writer/v1/generate',
				array(
					'task'   => 'chat',
					'prompt' => 'Permission check',
				),
				array( 401, 403, 200, 200, 200 ),
			),
			'image'           => array(
				'POST',
				'/agentic-writer/v1/image',
				array( 'prompt' => 'A red square' ),
				array( 401, 403, 403, 201, 201 ),
			),
			'editor tasks'    => array( 'GET', '/agentic-writer/v1/editor/tasks', null, array( 401, 403, 200, 200, 200 ) ),
			'editor usage'    => array( 'GET', '/agentic-writer/v1/editor/usage', null, array( 401, 403, 200, 200, 200 ) ),
			'providers'       => array( 'GET', '/agentic-writer/v1/providers', null, $admin_only ),
			'provider test'   => array( 'POST', '/agentic-writer/v1/providers/openrouter/test', null, $admin_only ),
			'settings read'   => array( 'GET', '/agentic-writer/v1/settings', null, $admin_only ),
			'settings update' => array( 'POST', '/agentic-writer/v1/settings', array( 'provider_mode' => 'hybrid' ), $admin_only ),
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
		foreach ( array( null, 'subscriber', 'contributor', 'editor', 'admin' ) as $i => $role ) {
			$response = $this->rest( $method, $route, $role, $body );
			$who      = $role ?? 'anonymous';
			$this->assertSame( $expected[ $i ], $response['status'], "{$who} {$method} {$route}: {$response['body']}" );
			if ( $response['status'] >= 400 ) {
				$this->assertSame( 'agentic_writer_forbidden', $response['json']['code'], $who );
				$this->assertNotSame( '', $response['json']['message'] );
			}
			if ( 201 === $response['status'] && isset( $response['json']['attachment_id'] ) ) {
				$this->attachments[] = (int) $response['json']['attachment_id'];
			}
		}
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
			$body        = array(
				'task'    => 'chat',
				'prompt'  => 'For a post',
				'post_id' => $post_id,
			);
			$contributor = $this->rest( 'POST', '/agentic-writer/v1/generate', 'contributor', $body );
			$this->assertSame( 403, $contributor['status'] );
			$this->assertSame( 'agentic_writer_forbidden', $contributor['json']['code'] );
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
	 * theirs, an administrator's post is not).
	 */
	public function test_post_routes_need_edit_rights_on_the_post(): void {
		$own   = wp_insert_post(
			array(
				'post_title'  => 'Contributor draft',
				'post_status' => 'draft',
				'post_author' => Site::user( 'contributor' )->ID,
			)
		);
		$admin = wp_insert_post(
			array(
				'post_title'  => 'Admin post',
				'post_status' => 'publish',
				'post_author' => Site::user( 'admin' )->ID,
			)
		);
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
			$own   => array( 401, 403, 200, 200, 200 ),
			$admin => array( 401, 403, 403, 200, 200 ),
		);
		try {
			foreach ( $expected as $post_id => $statuses ) {
				foreach ( $routes( $post_id ) as [ $method, $route, $body ] ) {
					foreach ( array( null, 'subscriber', 'contributor', 'editor', 'admin' ) as $i => $role ) {
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
			wp_delete_post( $own, true );
			wp_delete_post( $admin, true );
		}
	}
}
