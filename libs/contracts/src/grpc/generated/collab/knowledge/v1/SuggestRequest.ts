// Original file: proto/collab/knowledge/v1/knowledge_service.proto


/**
 * SuggestRequest: the text of a case or of a contact being written.
 */
export interface SuggestRequest {
  /**
   * The case's or contact's text (subject and description), 1 to 5000 characters.
   */
  'text'?: (string);
  /**
   * The case's category, if any: articles tagged with it or filed under it rank higher.
   */
  'category'?: (string);
  /**
   * Only articles in this language (BCP 47).
   */
  'lang'?: (string);
  /**
   * 1 to 20 (default 5).
   */
  'limit'?: (number);
}

/**
 * SuggestRequest: the text of a case or of a contact being written.
 */
export interface SuggestRequest__Output {
  /**
   * The case's or contact's text (subject and description), 1 to 5000 characters.
   */
  'text': (string);
  /**
   * The case's category, if any: articles tagged with it or filed under it rank higher.
   */
  'category': (string);
  /**
   * Only articles in this language (BCP 47).
   */
  'lang': (string);
  /**
   * 1 to 20 (default 5).
   */
  'limit': (number);
}
