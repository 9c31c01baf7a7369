;;; eglot-test.el --- End-to-end test of the Emacs setup of docs/editors.md  -*- lexical-binding: t -*-

;; Run by .ci/emacs-test, after the snippet that script takes from docs/editors.md (the first
;; elisp block of its Emacs section), with `vnea' on PATH:
;;
;;   VNEA_WORKSPACE=<copy of examples/tinh_mau> VNEA_UNRESOLVED=<a name the copy references
;;   but does not declare> emacs --batch -q -l snippet.el -l editors/emacs/eglot-test.el
;;
;; Prints one line per check on standard output; exits 1 at the first failure, 0 when all pass.

;;; Code:

(require 'eglot)
(require 'flymake)
(require 'xref)

(defvar vnea-test-workspace (file-name-as-directory (getenv "VNEA_WORKSPACE")))
(defvar vnea-test-unresolved (getenv "VNEA_UNRESOLVED"))
(defvar vnea-test-started (float-time))
(defconst vnea-test-wait 30 "Seconds to wait for the server (a debug build loading packs).")

(defun vnea-test-out (format-string &rest args)
  "Print FORMAT-STRING with ARGS and a newline on standard output."
  (princ (concat (apply #'format format-string args) "\n")))

(defun vnea-test-wait-until (predicate)
  "Wait for PREDICATE to return non-nil, at most `vnea-test-wait' seconds; return its value."
  (let ((deadline (+ (float-time) vnea-test-wait)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defmacro vnea-test-check (name &rest body)
  "Run BODY as the check NAME: it returns a detail for the report, or signals an error."
  (declare (indent 1))
  `(let ((t0 (float-time)))
     (condition-case err
         (let ((detail (progn ,@body)))
           (vnea-test-out "ok   %-24s %6.0f ms  %s" ,name (* 1000 (- (float-time) t0)) detail))
       (error (vnea-test-out "FAIL %s: %s" ,name (error-message-string err))
              (kill-emacs 1)))))

(defun vnea-test-line-of (needle)
  "Move to the first NEEDLE in the current buffer; return its line number."
  (goto-char (point-min))
  (unless (search-forward needle nil t)
    (error "%S not in %s" needle (buffer-name)))
  (goto-char (match-beginning 0))
  (line-number-at-pos))

(let ((app (expand-file-name "ung_dung.vnea" vnea-test-workspace))
      server)

  (vnea-test-check "vnea-mode"
    (find-file app)
    (unless (eq major-mode 'vnea-mode) (error "major mode %s" major-mode))
    (unless (equal comment-start "// ") (error "comment-start %S" comment-start))
    ;; The syntax table: line 1 is a `//' comment; a nested block comment stays one comment.
    (goto-char (point-min))
    (unless (nth 4 (syntax-ppss (+ (point) 5))) (error "line 1 is not a comment"))
    (with-temp-buffer
      (vnea-mode)
      (insert "/* a /* b */ still a comment */ x")
      (unless (nth 4 (syntax-ppss 15)) (error "a nested block comment ended early"))
      (when (nth 4 (syntax-ppss (point-max))) (error "a nested block comment did not end")))
    (format "%s, comments `//' and nested `/* */'" (file-name-nondirectory app)))

  (vnea-test-check "eglot connects"
    ;; The snippet's `eglot-ensure' waits for the first command, which --batch never runs.
    (run-hooks 'post-command-hook)
    (unless (vnea-test-wait-until #'eglot-current-server) (error "no server after %d s" vnea-test-wait))
    (setq server (eglot-current-server))
    (let ((info (eglot--server-info server))
          (root (file-name-as-directory (project-root (eglot--project server)))))
      (unless (equal (process-command (jsonrpc--process server)) '("vnea" "lsp"))
        (error "command %S" (process-command (jsonrpc--process server))))
      (unless (file-equal-p root vnea-test-workspace) (error "root %s" root))
      (format "%s %s, command `vnea lsp', root %s" (plist-get info :name) (plist-get info :version)
              (file-name-nondirectory (directory-file-name root)))))

  (vnea-test-check "diagnostic"
    (let ((line (vnea-test-line-of vnea-test-unresolved))
          (found nil))
      (flymake-start)
      (vnea-test-wait-until
       (lambda ()
         (setq found (seq-find (lambda (d) (string-match-p (regexp-quote vnea-test-unresolved)
                                                            (flymake-diagnostic-text d)))
                               (flymake-diagnostics)))))
      (unless found
        (error "no diagnostic about %s among %S" vnea-test-unresolved
               (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
      (let ((at (line-number-at-pos (flymake-diagnostic-beg found))))
        (unless (= at line) (error "on line %d, expected %d" at line))
        (unless (eq (flymake-diagnostic-type found) 'eglot-error)
          (error "type %s" (flymake-diagnostic-type found)))
        (format "line %d: %s" at (flymake-diagnostic-text found)))))

  (vnea-test-check "go to definition"
    ;; A user reference: `csdl_tthc' in the application's `databases', declared in du_lieu.vnea.
    (vnea-test-line-of "databases: [csdl_tthc")
    (search-forward "csdl_tthc")
    (backward-char 3)
    (call-interactively #'xref-find-definitions)
    (let ((file (file-name-nondirectory (or buffer-file-name "")))
          (line (buffer-substring (line-beginning-position) (line-end-position))))
      (unless (equal file "du_lieu.vnea") (error "went to %s" file))
      (unless (and (looking-at "csdl_tthc\\_>") (string-prefix-p "database csdl_tthc " line))
        (error "went to line %d column %d: %S" (line-number-at-pos) (current-column) line))
      (format "%s:%d:%d `%s'" file (line-number-at-pos) (1+ (current-column)) line)))

  (vnea-test-check "shutdown"
    (eglot-shutdown server)
    (when (process-live-p (jsonrpc--process server)) (error "vnea lsp still runs"))
    "shutdown and exit sent, the server stopped")

  (vnea-test-out "ok   all checks passed in %.0f ms (Emacs %s, Eglot %s)"
                 (* 1000 (- (float-time) vnea-test-started)) emacs-version
                 (or (ignore-errors (require 'lisp-mnt) (lm-version (locate-library "eglot.el"))) "?"))
  (kill-emacs 0))

;;; eglot-test.el ends here
