<?php
/**
 * GET agentic-writer/v1/editor/tasks — which provider and model serve each task right now.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use AgenticWriter\Providers\Base\Abstract_Provider;
use AgenticWriter\Providers\Contracts\Provider;
use AgenticWriter\Routing\Circuit_Breaker;
use AgenticWriter\Routing\Router;
use AgenticWriter\Settings\Settings;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * The editor sidebar's view of routing, for every author: the router's own resolution and
 * breaker state, with ids, labels, kinds and models only (no keys, URLs or hosts).
 */
final class Editor_Tasks_Controller extends Rest_Controller {

	/**
	 * Route base under the namespace.
	 *
	 * @var string
	 */
	protected $rest_base = 'editor/tasks';

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$this->add_route( '/' . $this->rest_base, array( WP_REST_Server::READABLE => 'get_items' ) );
	}

	/**
	 * Anyone who can write posts.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		return Post_Access::check( 0, '' );
	}

	/**
	 * Every task's chain.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$router  = Router::for_site();
		$breaker = Circuit_Breaker::from_settings();
		$tasks   = array();
		foreach ( Settings::TASKS as $task ) {
			$tasks[ $task ] = $this->task( $router, $breaker, $task );
		}
		return new WP_REST_Response( array( 'tasks' => $tasks ), 200 );
	}

	/**
	 * One task: the provider a request would reach first, and the whole chain.
	 *
	 * @param Router          $router  Router.
	 * @param Circuit_Breaker $breaker Breaker.
	 * @param string          $task    Task type.
	 * @return array<string,mixed>
	 */
	private function task( Router $router, Circuit_Breaker $breaker, string $task ): array {
		$route = $router->resolve( $task );
		$chain = array();
		if ( ! is_wp_error( $route ) ) {
			foreach ( $route['chain'] as $id ) {
				$provider = $router->registry()->get( $id );
				if ( null !== $provider ) {
					$chain[] = self::entry( $provider, $task, $breaker->blocks( $id ) ? 'breaker_open' : 'ready' );
				}
			}
		}
		if ( array() === $chain ) {
			return array(
				'provider' => '',
				'label'    => '',
				'kind'     => '',
				'model'    => '',
				'state'    => 'unconfigured',
				'message'  => current_user_can( 'manage_options' )
					? __( 'No provider is set up for this task. Set one up under Agentic Writer → Settings.', 'agentic-writer' )
					: __( 'No provider is set up for this task. Ask a site administrator to set one up under Agentic Writer → Settings.', 'agentic-writer' ),
				'chain'    => array(),
			);
		}
		// The router passes over open breakers, and tries the first anyway when all are open.
		$serving = $chain[0];
		foreach ( $chain as $entry ) {
			if ( 'ready' === $entry['state'] ) {
				$serving = $entry;
				break;
			}
		}
		return $serving + array(
			'message' => self::message( $chain[0], $serving ),
			'chain'   => $chain,
		);
	}

	/**
	 * A chain entry.
	 *
	 * @param Provider $provider Provider.
	 * @param string   $task     Task type.
	 * @param string   $state    ready or breaker_open.
	 * @return array{provider:string,label:string,kind:string,model:string,state:string}
	 */
	private static function entry( Provider $provider, string $task, string $state ): array {
		return array(
			'provider' => $provider->id(),
			'label'    => $provider->label(),
			'kind'     => $provider->kind(),
			// Only the shared base knows image models apart; a provider added by filter shows its default.
			'model'    => $provider instanceof Abstract_Provider ? $provider->model_for( $task ) : $provider->default_model(),
			'state'    => $state,
		);
	}

	/**
	 * What an author should know when the usual provider is not the one answering.
	 *
	 * @param array<string,string> $first   First of the chain.
	 * @param array<string,string> $serving The one a request reaches first.
	 */
	private static function message( array $first, array $serving ): string {
		if ( 'breaker_open' === $serving['state'] ) {
			return sprintf(
				/* translators: %s: provider label */
				__( 'Every provider for this task failed recently. The next request tries %s again.', 'agentic-writer' ),
				$serving['label']
			);
		}
		if ( $first['provider'] !== $serving['provider'] ) {
			return sprintf(
				/* translators: 1: provider that failed, 2: provider that answers instead */
				__( '%1$s failed recently, so %2$s answers for now.', 'agentic-writer' ),
				$first['label'],
				$serving['label']
			);
		}
		return '';
	}

	/**
	 * Schema of the answer.
	 *
	 * @return array<string,mixed>
	 */
	public function get_item_schema(): array {
		$entry = array(
			'provider' => array(
				'description' => 'Provider id as in the routing settings; empty when nothing is set up.',
				'type'        => 'string',
			),
			'label'    => array(
				'description' => 'Name a person reads, e.g. Anthropic.',
				'type'        => 'string',
			),
			'kind'     => array(
				'type' => 'string',
				'enum' => array( 'local', 'cloud', '' ),
			),
			'model'    => array(
				'description' => 'Model the provider uses when the request names none.',
				'type'        => 'string',
			),
			'state'    => array(
				'type' => 'string',
				'enum' => array( 'ready', 'breaker_open', 'unconfigured' ),
			),
		);
		$tasks = array();
		foreach ( Settings::TASKS as $task ) {
			$tasks[ $task ] = array(
				'type'       => 'object',
				'properties' => $entry + array(
					'message' => array(
						'description' => 'What the author should know (nothing set up, a provider failing); empty when all is well.',
						'type'        => 'string',
					),
					'chain'   => array(
						'description' => 'Every provider that may serve the task, in the order they are tried.',
						'type'        => 'array',
						'items'       => array(
							'type'       => 'object',
							'properties' => $entry,
						),
					),
				),
			);
		}
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'agentic-writer-editor-tasks',
			'type'       => 'object',
			'properties' => array(
				'tasks' => array(
					'description' => 'Task => the provider a request reaches first, its model and state, and the whole chain.',
					'type'        => 'object',
					'properties'  => $tasks,
				),
			),
		);
	}
}
