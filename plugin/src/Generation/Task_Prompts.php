<?php
/**
 * One system prompt per task, plus the post's context.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Generation;

/**
 * What each task asks of the model and what shape the answer has.
 */
final class Task_Prompts {

	private const CONTEXT_CHARS = 3000;

	/**
	 * System prompt of a task.
	 *
	 * @param string $task Task type.
	 */
	public static function system( string $task ): string {
		$base = 'You are Agentic Writer, a writing assistant inside the WordPress block editor. Write in the language of the author\'s prompt.';
		switch ( $task ) {
			case 'clarity':
				return $base . ' Task: ask the questions that would most sharpen the author\'s brief (audience, goal, angle, length, tone, must-have facts).'
					. ' Answer with JSON only, no prose, in this shape: {"questions":[{"question":"…","why":"…","options":["…"]}]} with 3 to 6 questions.';
			case 'planning':
				return $base . ' Task: plan the post. Answer with JSON only, no prose, in this shape: {"title":"…","summary":"…","sections":[{"heading":"…","points":["…"]}]} with 3 to 10 sections.';
			case 'writing':
				return $base . ' Task: write the requested part of the post in Markdown (## headings, paragraphs, lists). No preamble, no closing remarks: only the text that goes into the post.';
			case 'refinement':
				return $base . ' Task: rewrite the selected text as the instruction says. Keep its meaning unless told otherwise'
					. ' and keep its format (Markdown or HTML). Answer with the rewritten text only.';
			default:
				return $base . ' Answer the author\'s questions about their post concisely and concretely.';
		}
	}

	/**
	 * Whether the task's answer is JSON.
	 *
	 * @param string $task Task type.
	 */
	public static function wants_json( string $task ): bool {
		return in_array( $task, array( 'clarity', 'planning' ), true );
	}

	/**
	 * The post's title and an excerpt of its content, for the system prompt.
	 *
	 * @param int $post_id Post id (0: none).
	 */
	public static function post_context( int $post_id ): string {
		$post = $post_id > 0 ? get_post( $post_id ) : null;
		if ( ! $post instanceof \WP_Post ) {
			return '';
		}
		$content = trim( (string) preg_replace( '/\s+/', ' ', wp_strip_all_tags( strip_shortcodes( $post->post_content ) ) ) );
		if ( mb_strlen( $content ) > self::CONTEXT_CHARS ) {
			$content = mb_substr( $content, 0, self::CONTEXT_CHARS ) . '…';
		}
		$out = "\n\nThe post so far.\nTitle: " . ( '' !== $post->post_title ? $post->post_title : '(untitled)' );
		if ( '' !== $content ) {
			$out .= "\nContent (excerpt): " . $content;
		}
		return $out;
	}

	/**
	 * The user turn of a refinement: selection and instruction together.
	 *
	 * @param string $selection   Selected text.
	 * @param string $instruction What to do with it.
	 */
	public static function refinement_turn( string $selection, string $instruction ): string {
		return "Instruction: {$instruction}\n\nSelected text:\n<<<\n{$selection}\n>>>";
	}

	/**
	 * JSON schema of a task's structured answer, or null.
	 *
	 * @param string $task Task type.
	 * @return array<string,mixed>|null
	 */
	public static function answer_schema( string $task ): ?array {
		$text = array(
			'type'      => 'string',
			'minLength' => 1,
		);
		if ( 'planning' === $task ) {
			return array(
				'type'       => 'object',
				'required'   => array( 'title', 'sections' ),
				'properties' => array(
					'title'    => $text,
					'summary'  => array( 'type' => 'string' ),
					'sections' => array(
						'type'     => 'array',
						'minItems' => 1,
						'items'    => array(
							'type'       => 'object',
							'required'   => array( 'heading' ),
							'properties' => array(
								'heading' => $text,
								'points'  => array(
									'type'  => 'array',
									'items' => array( 'type' => 'string' ),
								),
							),
						),
					),
				),
			);
		}
		if ( 'clarity' === $task ) {
			return array(
				'type'       => 'object',
				'required'   => array( 'questions' ),
				'properties' => array(
					'questions' => array(
						'type'     => 'array',
						'minItems' => 1,
						'items'    => array(
							'type'       => 'object',
							'required'   => array( 'question' ),
							'properties' => array(
								'question' => $text,
								'why'      => array( 'type' => 'string' ),
								'options'  => array(
									'type'  => 'array',
									'items' => array( 'type' => 'string' ),
								),
							),
						),
					),
				),
			);
		}
		return null;
	}

	/**
	 * Parses and validates a structured answer (tolerates a ```json fence around it).
	 *
	 * @param string $task Task type.
	 * @param string $text Model output.
	 * @return array{data:array<string,mixed>|null,error:string|null}
	 */
	public static function parse_structured( string $task, string $text ): array {
		$schema = self::answer_schema( $task );
		if ( null === $schema ) {
			return array(
				'data'  => null,
				'error' => null,
			);
		}
		$json = trim( $text );
		if ( preg_match( '/```(?:json)?\s*(.+?)```/s', $json, $m ) ) {
			$json = trim( $m[1] );
		}
		$data = json_decode( $json, true );
		if ( ! is_array( $data ) ) {
			return array(
				'data'  => null,
				'error' => 'The model did not answer with JSON; the text is returned as it came.',
			);
		}
		$valid = rest_validate_value_from_schema( $data, $schema, 'answer' );
		if ( is_wp_error( $valid ) ) {
			return array(
				'data'  => null,
				'error' => 'The model\'s JSON does not match the expected shape: ' . $valid->get_error_message(),
			);
		}
		return array(
			'data'  => rest_sanitize_value_from_schema( $data, $schema, 'answer' ),
			'error' => null,
		);
	}
}
