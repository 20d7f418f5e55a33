<?php
/**
 * One setting a provider type needs (a key, a URL, a model…), as its descriptor declares it.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Contracts;

/**
 * From these come the settings schema, the defaults, the checks, the masking of secrets and the
 * field the settings page draws.
 *
 * Types: `secret` (write-only, sealed at rest; REST shows `<name>_set` / `<name>_hint`), `url`
 * (http or https), `model` (the page offers the provider's own model list), `text`, `id` (an
 * instance's id, for types with several instances).
 */
final class Setting_Field {

	public const TYPES = array( 'secret', 'url', 'model', 'text', 'id' );

	public const ID_PATTERN = '^[a-z0-9_-]{1,40}$';

	/**
	 * Declares a field.
	 *
	 * @param string      $name        Key in the stored settings, e.g. `base_url`.
	 * @param string      $label       What the settings page calls it.
	 * @param string      $type        One of TYPES.
	 * @param string      $default     Value of a new site (never for secrets).
	 * @param bool        $required    The provider needs it to work (for an instance of a type with
	 *                                 several instances, saving refuses it empty).
	 * @param string      $help        One sentence under the field ('' for none).
	 * @param string|null $task        For a model field that serves one task only (`image`).
	 * @param string      $placeholder An example value, shown empty and named in errors.
	 */
	public function __construct(
		public readonly string $name,
		public readonly string $label,
		public readonly string $type = 'text',
		public readonly string $default = '',
		public readonly bool $required = false,
		public readonly string $help = '',
		public readonly ?string $task = null,
		public readonly string $placeholder = ''
	) {
		if ( ! in_array( $type, self::TYPES, true ) ) {
			throw new \InvalidArgumentException( sprintf( 'Setting field %s: type must be one of %s, got "%s".', $name, implode( ', ', self::TYPES ), $type ) );
		}
		if ( 1 !== preg_match( '/^[a-z][a-z0-9_]{0,39}$/', $name ) ) {
			throw new \InvalidArgumentException( sprintf( 'Setting field name "%s" must be lower snake_case.', $name ) );
		}
	}

	/**
	 * JSON schema of the stored value.
	 *
	 * @return array<string,mixed>
	 */
	public function schema(): array {
		switch ( $this->type ) {
			case 'secret':
				return array(
					'description' => $this->label . '. Write-only: GET returns ' . $this->name . '_set and ' . $this->name . '_hint instead; an empty value keeps the stored one, null removes it.'
						. ( 'api_key' === $this->name ? ' A base_url on another origin without a new key removes it too.' : '' ),
					'type'        => array( 'string', 'null' ),
					'maxLength'   => 1000,
				);
			case 'url':
				return array(
					'description' => $this->label . ' (http or https).',
					'type'        => 'string',
					'maxLength'   => 500,
				);
			case 'id':
				return array(
					'type'    => 'string',
					'pattern' => self::ID_PATTERN,
				);
			case 'model':
				return array(
					'type'      => 'string',
					'maxLength' => 200,
				);
			default:
				return array(
					'type'      => 'string',
					'maxLength' => 100,
				);
		}
	}

	/**
	 * What GET providers tells the settings page.
	 *
	 * @return array<string,mixed>
	 */
	public function to_array(): array {
		$out = array(
			'name'        => $this->name,
			'label'       => $this->label,
			'type'        => $this->type,
			'default'     => $this->default,
			'required'    => $this->required,
			'help'        => $this->help,
			'placeholder' => $this->placeholder,
		);
		if ( null !== $this->task ) {
			$out['task'] = $this->task;
		}
		return $out;
	}
}
