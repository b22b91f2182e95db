// Ppl.g4: the syntax of the Ppl modelling language (docs: ../../shared/DESIGN.md, "The language").
//
// Only syntax lives here: no actions, no semantic predicates. One visitor (AstBuilder.cs) turns the
// parse tree into the AST. Regenerate the parser with scripts/generate-parser.sh.
//
// Statements end at a newline or ';'. The token filter in NewlineFilter.cs drops a newline that
// cannot end a statement (after ',', '(', an operator, ...; before ')', '{', an operator, ...), so
// long calls and expressions may be broken over several lines.
grammar Ppl;

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

modelFile
    : separator* (statement (separator+ statement)*)? separator* EOF
    ;

block
    : LBRACE separator* (statement (separator+ statement)*)? separator* RBRACE
    ;

separator
    : NEWLINE
    | SEMI
    ;

statement
    : DATA NAME COLON typeRef                                           # dataDecl
    | CONST NAME ASSIGN expr                                            # constDecl
    | PARAM NAME COLON typeRef (ASSIGN expr)?                           # paramDecl
    | LET NAME ASSIGN expr                                              # letStmt
    | PLATE NAME IN expr (BATCH expr)? block                            # plateStmt
    | NET NAME ASSIGN NAME LPAREN layers (COMMA argument)* RPAREN       # netDecl
    | GUIDE block                                                       # guideBlock
    | target (COLON typeRef)? TILDE call                                # sampleStmt
    ;

target
    : NAME (LBRACK expr (COMMA expr)* RBRACK)?
    ;

layers
    : expr (ARROW expr)*
    ;

typeRef
    : typeKind (LBRACK expr (COMMA expr)* RBRACK)?
    ;

typeKind
    : REAL
    | INT
    | BOOL
    | POS
    | PROB
    | SIMPLEX
    | COV
    | NAME
    ;

call
    : NAME LPAREN (argument (COMMA argument)*)? RPAREN
    ;

argument
    : NAME COLON expr                                                   # namedArgument
    | expr                                                              # positionalArgument
    ;

// Alternatives are listed from the tightest binding to the loosest:
// indexing, '^' (right-associative), unary '-', '@', '*' '/', '+' '-'.
expr
    : expr LBRACK indexArg (COMMA indexArg)* RBRACK                     # indexExpr
    | <assoc = right> expr CARET expr                                   # powerExpr
    | MINUS expr                                                        # negateExpr
    | expr AT expr                                                      # matMulExpr
    | expr op = (STAR | SLASH) expr                                     # mulExpr
    | expr op = (PLUS | MINUS) expr                                     # addExpr
    | call                                                              # callExpr
    | NAME                                                              # nameExpr
    | NUMBER                                                            # numberExpr
    | LBRACK (expr (COMMA expr)*)? RBRACK                               # arrayExpr
    | LPAREN expr RPAREN                                                # parenExpr
    ;

indexArg
    : lower = expr? COLON upper = expr?                                 # sliceIndex
    | expr                                                              # pointIndex
    ;

// ---------------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------------

DATA    : 'data';
CONST   : 'const';
PARAM   : 'param';
LET     : 'let';
PLATE   : 'plate';
IN      : 'in';
BATCH   : 'batch';
NET     : 'net';
GUIDE   : 'guide';
REAL    : 'real';
INT     : 'int';
BOOL    : 'bool';
POS     : 'pos';
PROB    : 'prob';
SIMPLEX : 'simplex';
COV     : 'cov';

ARROW  : '->';
TILDE  : '~';
ASSIGN : '=';
COLON  : ':';
SEMI   : ';';
COMMA  : ',';
LPAREN : '(';
RPAREN : ')';
LBRACK : '[';
RBRACK : ']';
LBRACE : '{';
RBRACE : '}';
PLUS   : '+';
MINUS  : '-';
STAR   : '*';
SLASH  : '/';
CARET  : '^';
AT     : '@';

NUMBER
    : DIGITS ('.' DIGITS?)? EXPONENT?
    | '.' DIGITS EXPONENT?
    ;

NAME
    : [a-zA-Z_] [a-zA-Z_0-9]*
    ;

NEWLINE
    : '\r'? '\n'
    | '\r'
    ;

WHITESPACE
    : [ \t\f]+ -> channel(HIDDEN)
    ;

LINE_COMMENT
    : '//' ~[\r\n]* -> channel(HIDDEN)
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

// A '#' comment, as in Python or R: the front end reports it ("use '//'") and drops it whole, so
// that the words after it cause no second error.
HASH_COMMENT
    : '#' ~[\r\n]*
    ;

// A '/*' that never closes: the front end reports it as "unterminated comment". Its body cannot
// contain '*/', so that it never outmatches a closed BLOCK_COMMENT (the lexer takes the longest match).
UNTERMINATED_COMMENT
    : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF
    ;

// Any other character: the front end reports it as "unexpected character" and drops it.
UNKNOWN_CHAR
    : .
    ;

fragment DIGITS
    : [0-9]+
    ;

fragment EXPONENT
    : [eE] [+-]? DIGITS
    ;
