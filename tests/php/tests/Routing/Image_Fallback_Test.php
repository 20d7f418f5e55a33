<?php
/**
 * An image request that falls back keeps its aspect ratio (the model is the next provider's own).
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Routing;

use AgenticWriter\Providers\Base\Abstract_Provider;
use AgenticWriter\Providers\Base\Http_Client;
use AgenticWriter\Providers\Contracts\Chat_Request;
use AgenticWriter\Providers\Contracts\Chat_Result;
use AgenticWriter\Providers\Contracts\Image_Request;
use AgenticWriter\Providers\Contracts\Image_Result;
use AgenticWriter\Providers\Contracts\Provider_Error;
use AgenticWriter\Routing\Circuit_Breaker;
use AgenticWriter\Routing\Health_Cache;
use AgenticWriter\Routing\Router;
use AgenticWriter\Routing\Site_Providers;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Tests\Test_Case;
use AgenticWriter\Usage\Usage_Repository;

/**
 * In-process, with two image providers added through the `agentic_writer_providers` filter;
 * breaker, health and usage writes are rolled back with the test's transaction.
 */
final class Image_Fallback_Test extends Test_Case {

	/**
	 * Image requests each fake provider received.
	 *
	 * @var array<string,Image_Request[]>
	 */
	private array $seen = array();

	/**
	 * A provider that draws images, or fails as a dead upstream does.
	 *
	 * @param string $id    Provider id.
	 * @param bool   $fails Whether it fails.
	 */
	private function fake( string $id, bool $fails ): Abstract_Provider {
		$seen = &$this->seen;
		return new class( $id, array( 'model' => $id . '-model' ), Settings::http_client(), $fails, $seen ) extends Abstract_Provider {

			/**
			 * Builds it.
			 *
			 * @param string                        $id     Id.
			 * @param array<string,mixed>           $config Config.
			 * @param Http_Client                   $http   HTTP.
			 * @param bool                          $fails  Fails.
			 * @param array<string,Image_Request[]> $seen   Log.
			 */
			public function __construct( string $id, array $config, Http_Client $http, private bool $fails, private array &$seen ) {
				parent::__construct( $id, $config, $http );
			}

			/** Label. */
			public function label(): string {
				return $this->id;
			}

			/** Kind. */
			public function kind(): string {
				return 'cloud';
			}

			/** Configured. */
			public function is_configured(): bool {
				return true;
			}

			/**
			 * Images too.
			 *
			 * @param string $task Task.
			 */
			public function supports_task_type( string $task ): bool {
				return true;
			}

			/** API name. */
			protected function api_name(): string {
				return 'a fake';
			}

			/**
			 * Records the request; fails or draws.
			 *
			 * @param Image_Request $request Request.
			 * @throws Provider_Error When it fails.
			 */
			public function generate_image( Image_Request $request ): Image_Result {
				$this->seen[ $this->id ][] = $request;
				if ( $this->fails ) {
					throw new Provider_Error( Provider_Error::UPSTREAM, 'down', 503 );
				}
				return new Image_Result( 'png', 'image/png', $request->model ?? $this->default_model() );
			}

			/**
			 * Not used.
			 *
			 * @param Chat_Request $request Request.
			 * @throws Provider_Error Always.
			 */
			public function chat( Chat_Request $request ): Chat_Result {
				throw new Provider_Error( Provider_Error::UNAVAILABLE, 'no chat' );
			}

			/**
			 * Not used.
			 *
			 * @param Chat_Request  $request    Request.
			 * @param callable      $on_event   Sink.
			 * @param callable|null $keep_going Poll.
			 * @throws Provider_Error Always.
			 */
			public function chat_stream( Chat_Request $request, callable $on_event, ?callable $keep_going = null ): Chat_Result {
				throw new Provider_Error( Provider_Error::UNAVAILABLE, 'no chat' );
			}

			/** No models. */
			public function models(): array {
				return array();
			}
		};
	}

	/**
	 * The first provider fails; the second gets the same prompt and aspect ratio, its own model.
	 */
	public function test_fallback_keeps_the_aspect_ratio(): void {
		$fakes  = array(
			'fake_down' => $this->fake( 'fake_down', true ),
			'fake_up'   => $this->fake( 'fake_up', false ),
		);
		$filter = static fn ( array $providers ): array => $providers + $fakes;
		add_filter( 'agentic_writer_providers', $filter );
		try {
			$router = new Router( Site_Providers::registry(), new Circuit_Breaker(), new Health_Cache(), new Usage_Repository() );
			$routed = $router->image(
				array( 'fake_down', 'fake_up' ),
				new Image_Request( 'A lighthouse', 'asked-model', '9:16' ),
				array( 'request_id' => 'image-fallback-test', 'task_type' => 'image' )
			);
			Usage_Repository::flush_pending();
		} finally {
			remove_filter( 'agentic_writer_providers', $filter );
		}
		$this->assertSame( 'fake_up', $routed->provider );
		$this->assertSame( array( '9:16', 'asked-model' ), array( $this->seen['fake_down'][0]->aspect_ratio, $this->seen['fake_down'][0]->model ) );
		$up = $this->seen['fake_up'][0];
		$this->assertSame( array( 'A lighthouse', '9:16', null ), array( $up->prompt, $up->aspect_ratio, $up->model ) );
		$this->assertSame( 'fake_up-model', $routed->result->model );
	}
}
