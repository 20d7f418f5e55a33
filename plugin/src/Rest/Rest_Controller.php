<?php
/**
 * What every Agentic Writer REST controller shares: its namespace.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Rest;

use WP_REST_Controller;

/**
 * Base of the plugin's controllers (one per resource).
 */
abstract class Rest_Controller extends WP_REST_Controller {

	public const NAMESPACE = 'agentic-writer/v1';

	/**
	 * Route namespace.
	 *
	 * @var string
	 */
	protected $namespace = self::NAMESPACE;
}
