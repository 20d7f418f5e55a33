<?php
/**
 * Tools → Site Health: is the local backend reachable, can every stored key be decrypted, is
 * the usage table there.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Admin;

use AgenticWriter\Rest\Rest_Controller;
use AgenticWriter\Routing\Router;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Usage\Usage_Table;
use WP_REST_Server;

/**
 * Three Site Health tests. The local backend one is asynchronous, like core's loopback test:
 * it waits on the network, and a direct test would hold up every Site Health page load.
 */
final class Site_Health {

	public const REST_NAMESPACE = 'agentic-writer/v1';
	public const ROUTE          = '/site-health/local-backend';

	public const TEST_LOCAL_BACKEND = 'agentic_writer_local_backend';
	public const TEST_KEYS          = 'agentic_writer_keys';
	public const TEST_USAGE_TABLE   = 'agentic_writer_table';

	/**
	 * Adds the tests and the route the asynchronous one calls.
	 */
	public function hook(): void {
		add_filter( 'site_status_tests', array( $this, 'add_tests' ) );
		add_action( 'rest_api_init', array( $this, 'register_route' ) );
	}

	/**
	 * Registers the plugin's tests with Site Health.
	 *
	 * @param array<string,array<string,mixed>> $tests Direct and asynchronous tests.
	 * @return array<string,array<string,mixed>>
	 */
	public function add_tests( $tests ): array {
		$tests = is_array( $tests ) ? $tests : array();

		$tests['direct'][ self::TEST_KEYS ]         = array(
			'label' => __( 'Agentic Writer API keys can be decrypted', 'agentic-writer' ),
			'test'  => array( $this, 'keys_result' ),
		);
		$tests['direct'][ self::TEST_USAGE_TABLE ]  = array(
			'label' => __( 'Agentic Writer usage table', 'agentic-writer' ),
			'test'  => array( $this, 'usage_table_result' ),
		);
		$tests['async'][ self::TEST_LOCAL_BACKEND ] = array(
			'label'             => __( 'Agentic Writer local backend', 'agentic-writer' ),
			'test'              => rest_url( self::REST_NAMESPACE . self::ROUTE ),
			'has_rest'          => true,
			// The weekly Site Health cron cannot authenticate to the route: it calls this instead.
			'async_direct_test' => array( $this, 'local_backend_result' ),
		);
		return $tests;
	}

	/**
	 * GET agentic-writer/v1/site-health/local-backend, for whoever may see Site Health.
	 */
	public function register_route(): void {
		register_rest_route(
			self::REST_NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'local_backend_result' ),
				'permission_callback' => static fn () => current_user_can( 'view_site_health_checks' )
					? true
					: Rest_Controller::permission_error( __( 'Only administrators who can see Site Health may run this check.', 'agentic-writer' ) ),
			)
		);
	}

	/**
	 * Whether the local backend answers, when the site would send it work.
	 *
	 * @return array<string,mixed>
	 */
	public function local_backend_result(): array {
		$role = self::local_backend_role();
		if ( '' === $role ) {
			return self::result(
				self::TEST_LOCAL_BACKEND,
				'good',
				__( 'Agentic Writer does not use a local backend', 'agentic-writer' ),
				__( 'No key for the local backend is stored and no task is routed to it, so there is nothing to reach.', 'agentic-writer' )
			);
		}
		$provider = Router::for_site()->registry()->get( 'local_backend' );
		$outcome  = null === $provider ? null : $provider->test_connection();
		if ( null !== $outcome && $outcome->ok ) {
			return self::result( self::TEST_LOCAL_BACKEND, 'good', __( 'The Agentic Writer local backend answers', 'agentic-writer' ), $outcome->message );
		}
		$base  = (string) ( Settings::stored()['providers']['local_backend']['base_url'] ?? '' );
		$first = 'first' === $role;
		return self::result(
			self::TEST_LOCAL_BACKEND,
			// First choice for a task: those requests fail over or fail. Only a fallback: nothing breaks yet.
			$first ? 'critical' : 'recommended',
			__( 'The Agentic Writer local backend cannot be reached', 'agentic-writer' ),
			array(
				null === $outcome ? '' : $outcome->message,
				( $first
					? __( 'Tasks routed to it first go to a fallback provider, or fail.', 'agentic-writer' )
					: __( 'It is only a fallback now: when the first choice fails, it cannot take over.', 'agentic-writer' ) )
				. ' ' . sprintf(
					/* translators: %s: base URL */
					__( 'Start it with ./start.sh on the machine with the claude CLI, then check that the base URL (%s) and the API key in the settings are the ones ./start.sh prints.', 'agentic-writer' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					$base
				),
			),
			__( 'Check the local backend settings', 'agentic-writer' )
		);
	}

	/**
	 * Whether every stored provider key opens with this site's salts.
	 *
	 * @return array<string,mixed>
	 */
	public function keys_result(): array {
		$registry   = Router::for_site()->registry();
		$unreadable = array();
		foreach ( Settings::provider_ids() as $id ) {
			$config = Settings::provider_config( $id );
			if ( null !== $config && ! empty( $config['api_key_error'] ) ) {
				$provider     = $registry->get( $id );
				$unreadable[] = null === $provider ? $id : $provider->label();
			}
		}
		if ( array() === $unreadable ) {
			return self::result(
				self::TEST_KEYS,
				'good',
				__( 'Agentic Writer can decrypt every stored API key', 'agentic-writer' ),
				__( 'Provider keys are stored encrypted with this site\'s salts, and each one still opens.', 'agentic-writer' )
			);
		}
		return self::result(
			self::TEST_KEYS,
			'critical',
			__( 'Agentic Writer cannot decrypt a stored API key', 'agentic-writer' ),
			sprintf(
				/* translators: %s: provider names, comma-separated */
				__( 'The stored API key of %s cannot be decrypted, so that provider is not used. This happens when the salts in wp-config.php changed after the key was saved. Enter the key again in the settings and save.', 'agentic-writer' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				implode( ', ', $unreadable )
			),
			__( 'Enter the key again', 'agentic-writer' )
		);
	}

	/**
	 * Whether the table every request is recorded in exists.
	 *
	 * @return array<string,mixed>
	 */
	public function usage_table_result(): array {
		if ( Usage_Table::exists() ) {
			return self::result(
				self::TEST_USAGE_TABLE,
				'good',
				__( 'The Agentic Writer usage table is present', 'agentic-writer' ),
				__( 'Every request\'s tokens and cost are recorded in it.', 'agentic-writer' )
			);
		}
		$result = self::result(
			self::TEST_USAGE_TABLE,
			'critical',
			__( 'The Agentic Writer usage table is missing', 'agentic-writer' ),
			__( 'Requests still run, but their tokens and cost are not recorded (only copied to the PHP error log), so analytics and budgets miss them. Deactivate and reactivate Agentic Writer on the Plugins screen: activation creates the table.', 'agentic-writer' ) // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
		);
		// The fix is on the Plugins screen, not in the plugin's settings.
		$result['actions'] = sprintf( '<p><a href="%s">%s</a></p>', esc_url( admin_url( 'plugins.php' ) ), esc_html__( 'Go to Plugins', 'agentic-writer' ) );
		return $result;
	}

	/**
	 * What the routing makes of the local backend: `first` when a task goes to it first,
	 * `fallback` when it is in a chain or has a key (simple mode falls back to every configured
	 * provider), '' when the provider mode keeps local providers out or nothing points at it.
	 */
	private static function local_backend_role(): string {
		$settings = Settings::stored();
		if ( 'cloud' === ( $settings['provider_mode'] ?? 'cloud' ) ) {
			return '';
		}
		$routing = $settings['routing'] ?? array();
		// Advanced mode still routes tasks without a chain the simple way.
		$role = 'local_backend' === ( $routing['simple']['text'] ?? '' ) ? 'first' : '';
		foreach ( 'advanced' === ( $routing['mode'] ?? '' ) ? (array) ( $routing['matrix'] ?? array() ) : array() as $chain ) {
			$chain = array_values( (array) $chain );
			if ( in_array( 'local_backend', $chain, true ) ) {
				$role = 'local_backend' === $chain[0] || 'first' === $role ? 'first' : 'fallback';
			}
		}
		if ( '' === $role && '' !== (string) ( $settings['providers']['local_backend']['api_key'] ?? '' ) ) {
			$role = 'fallback';
		}
		return $role;
	}

	/**
	 * One result in the shape Site Health renders.
	 *
	 * @param string          $test        Test id.
	 * @param string          $status      good|recommended|critical.
	 * @param string          $label       Headline.
	 * @param string|string[] $description What was found and what to do: plain text, a paragraph each.
	 * @param string          $action      Link text to the settings page ('' for none).
	 * @return array<string,mixed>
	 */
	private static function result( string $test, string $status, string $label, $description, string $action = '' ): array {
		$paragraphs = array_filter( (array) $description, static fn ( string $p ): bool => '' !== $p );
		$tab        = self::TEST_LOCAL_BACKEND === $test ? 'local-backend' : 'providers';
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'Agentic Writer', 'agentic-writer' ),
				'color' => 'blue',
			),
			'description' => implode( '', array_map( static fn ( string $p ): string => '<p>' . esc_html( $p ) . '</p>', $paragraphs ) ),
			'actions'     => '' === $action ? '' : sprintf( '<p><a href="%s">%s</a></p>', esc_url( Admin_Menu::settings_url( $tab ) ), esc_html( $action ) ),
			'test'        => $test,
		);
	}
}
